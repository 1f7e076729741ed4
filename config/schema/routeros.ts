import { z } from 'zod';
import { secret } from './common';

/** MikroTik RouterOS API settings (8728 plain, 8729 API-SSL). */
export const routerosSettings = z.strictObject({
  enabled: z.boolean().default(true),
  port: z.number().int().min(1).max(65535).optional(),
  tls: z
    .strictObject({
      enabled: z.boolean().default(true),
      caFile: z.string().optional(),
      /** SHA-256 fingerprint of the router's certificate, "AA:BB:..." */
      fingerprint: z.string().optional(),
      /** Accept an unverified certificate. Off unless someone decides otherwise. */
      insecure: z.boolean().default(false),
    })
    .optional(),
  username: z.string().min(1),
  password: secret,
  intervalSeconds: z.number().positive().optional(),
  timeoutSeconds: z.number().positive().default(10),
});
export type RouterosSettings = z.infer<typeof routerosSettings>;
