import type { NocConfig } from '../../config/load';
import type { Lang } from '../format';
import { num, watts } from '../format';
import type { Reason } from '../colocation';
import { capacityReport } from '../report/capacity';
import { edgeFor } from './common';

/**
 * Capacity with measured power when InfluxDB answers; without it the allocated watts still
 * decide, and the command says the measurement is missing rather than failing the SOP check.
 */
export async function capacityWithWarning(config: NocConfig, site?: string) {
  const now = Date.now();
  try {
    return { report: await capacityReport(edgeFor(config), config, { now, site }), warning: undefined };
  } catch (err) {
    const warning =
      config.organisation.language === 'id'
        ? `peringatan: daya terukur tidak tersedia (${(err as Error).message}); hanya daya teralokasi yang dihitung`
        : `warning: measured power unavailable (${(err as Error).message}); only allocated power is counted`;
    return { report: await capacityReport(undefined, config, { now, site }), warning };
  }
}

/** Why a rack cannot take the server, in the reader's language. */
export function reasonText(r: Reason, lang: Lang): string {
  const other = (s: 'A' | 'B') => (s === 'A' ? 'B' : 'A');
  switch (r.code) {
    case 'space':
      return lang === 'id'
        ? `tidak ada ruang kontigu: terbesar ${r.largestFreeU} U, perlu ${r.needU} U`
        : `no contiguous space: largest ${r.largestFreeU} U, needs ${r.needU} U`;
    case 'no-feeds':
      return lang === 'id' ? 'rak tanpa catu daya terdaftar' : 'no power feed configured';
    case 'no-pair':
      return lang === 'id' ? 'tidak ada pasangan catu daya A/B' : 'no A/B feed pair';
    case 'feed':
      return lang === 'id'
        ? `catu daya ${r.feed} akan mencapai ${num(r.percentAfter, 1, lang)} % (maks ${num(r.maxPercent, 0, lang)} %)`
        : `feed ${r.feed} would reach ${num(r.percentAfter, 1, lang)} % (max ${num(r.maxPercent, 0, lang)} %)`;
    case 'failover':
      return lang === 'id'
        ? `jika sisi ${other(r.side)} padam, sisi ${r.side} menanggung ${watts(r.wattsAfter, lang)} (tersedia ${watts(r.availableWatts, lang)})`
        : `if side ${other(r.side)} fails, side ${r.side} carries ${watts(r.wattsAfter, lang)} (available ${watts(r.availableWatts, lang)})`;
  }
}
