import { z } from 'zod';

/** ICMP reachability; on by default for every device with an address. */
export const pingSettings = z.strictObject({
  enabled: z.boolean().default(true),
  intervalSeconds: z.number().positive().default(30),
  count: z.number().int().min(1).max(20).default(3),
  timeoutSeconds: z.number().positive().default(2),
});
export type PingSettings = z.infer<typeof pingSettings>;
