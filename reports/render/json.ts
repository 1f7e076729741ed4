import type { Report } from '../model';

/** Everything, as data: the model itself (times in ms since the epoch, UTC). */
export function renderJson(report: Report): Buffer {
  return Buffer.from(JSON.stringify(report, null, 2) + '\n');
}
