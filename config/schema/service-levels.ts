import { z } from 'zod';
import { id, percent } from './common';

/**
 * Settings of the service-level and capacity figures (analytics/): how outages are attributed,
 * when missing data becomes "tidak terpantau", and planned maintenance windows. Alerting's own
 * maintenance store feeds the same MaintenanceWindow type (analytics/availability.ts).
 */
const maintenanceWindow = z
  .strictObject({
    /** Empty scope = everything (e.g. the whole Pusat Data power work). */
    scope: z.strictObject({ device: id.optional(), site: id.optional(), agency: id.optional() }).default({}),
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    reason: z.string().min(1),
  })
  .refine((m) => Date.parse(m.to) > Date.parse(m.from), { path: ['to'], message: 'must be after from' });

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
  maintenance: z.array(maintenanceWindow).default([]),
});
export type ServiceLevelsSettings = z.infer<typeof serviceLevelsSettings>;
