import { z } from 'zod';

/** ICMP reachability; on by default for every device with an address. */
export const pingSettings = z.strictObject({
  enabled: z.boolean().default(true),
  intervalSeconds: z.number().positive().default(30),
  /** Echo requests per poll. */
  count: z.number().int().min(1).max(20).default(3),
  /** How long to wait for the last reply. */
  timeoutSeconds: z.number().positive().default(2),
  /** Spacing between the echo requests of one poll (ms); iputils refuses < 200 for non-root. */
  periodMs: z.number().int().min(200).max(10000).default(200),
});
export type PingSettings = z.infer<typeof pingSettings>;
