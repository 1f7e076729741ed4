import { z } from 'zod';

/** One website or service URL probed over HTTP(S). */
export const httpCheck = z.union([
  z.string().url(),
  z.strictObject({
    url: z.string().url(),
    /** Text the page must contain to count as up. */
    keyword: z.string().optional(),
    /** Status codes that count as up (default: 200-399). */
    expectStatus: z.array(z.number().int()).optional(),
    followRedirects: z.boolean().default(true),
    timeoutSeconds: z.number().positive().default(10),
    intervalSeconds: z.number().positive().optional(),
    /** Trust this CA file (PEM, absolute path) for an internal certificate. */
    caFile: z.string().optional(),
    /** An unverifiable certificate makes the site down; false only records it (cert_valid). */
    verifyCertificate: z.boolean().default(true),
  }),
]);
export type HttpCheck = z.infer<typeof httpCheck>;
