import { z } from 'zod';
import { secret } from './common';

/** The audit report and monev summaries: where they go, how they are signed, when they run. */
export const reportsSettings = z.strictObject({
  /** Where scheduled reports are written (one folder per report); default <dataDir>/reports. */
  outDir: z.string().optional(),
  /** Ed25519 private key (PEM, PKCS#8) that signs each report's manifest, e.g. { file: /etc/noc/report.key }. */
  signingKey: secret.optional(),
  formats: z.array(z.enum(['pdf', 'xlsx', 'csv', 'json'])).default(['pdf', 'xlsx', 'csv', 'json']),
  schedule: z
    .strictObject({
      /** The previous year's audit report on the first working day of January, 07:00 local time. */
      audit: z.boolean().default(true),
      /** The previous month's monev summary on the first day of each month, 07:00 local time. */
      monev: z.boolean().default(true),
    })
    .prefault({}),
  /** Days that are not working days (national holidays, cuti bersama), for the January audit run. */
  holidays: z.array(z.iso.date()).default([]),
});
export type ReportsSettings = z.infer<typeof reportsSettings>;
