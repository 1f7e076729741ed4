import { z } from 'zod';
import { percent } from './common';

/**
 * Settings of the service-level and capacity figures (analytics/): how outages are attributed,
 * when missing data becomes "tidak terpantau". Maintenance windows are alerting's
 * (alerting.maintenance and `noc maintenance add`): one list for tickets and availability.
 */
export const serviceLevelsSettings = z.strictObject({
  /** parent: a child's outage while its parent is down counts against the parent only. */
  parentOutages: z.enum(['parent', 'child']).default('parent'),
  /** A gap longer than this many sample intervals is "tidak terpantau", never up. */
  maxGapIntervals: z.number().int().min(1).default(3),
  /** Percentile bills are computed at. */
  percentile: z.number().min(1).max(100).default(95),
  saturation: z
    .strictObject({
      bandPercent: percent.default(3),
      minSamples: z.number().int().min(1).default(6),
      tolerancePercent: percent.default(5),
    })
    .prefault({}),
  /** The colocation SOP's minimum UPS runtime at the present load. */
  upsMinRuntimeMinutes: z.number().positive().default(15),
});
export type ServiceLevelsSettings = z.infer<typeof serviceLevelsSettings>;
