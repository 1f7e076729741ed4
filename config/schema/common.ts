import { z } from 'zod';

/** Ids are used as InfluxDB tag values and in CLI arguments: keep them plain. */
export const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-" (no spaces)');

/**
 * A secret as written in the YAML: "${ENV_NAME}", { file: path }, or a literal (fine for a lab).
 * It stays a SecretRef until the loader resolves it, so the schema itself reads no environment.
 */
export class SecretRef {
  constructor(readonly raw: string | { file: string }) {}
}
export const secret = z
  .union([z.string().min(1), z.strictObject({ file: z.string().min(1) })])
  .transform((raw) => new SecretRef(raw));

/** Every target (availability, committed rate, threshold) names the document it comes from. */
export const source = z.string().min(1, 'name the decree or SLA document this target comes from');

export const criticality = z.enum(['Strategis', 'Tinggi', 'Rendah']);
export const seconds = z.number().positive();
export const percent = z.number().min(0).max(100);
