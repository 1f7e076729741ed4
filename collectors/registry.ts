import type { Collector } from './contract';
import { hostCollector } from './host';
import { httpCollector } from './http';
import { pingCollector } from './ping';

/**
 * Every collector noc ships, in one explicit list. A new collector is a folder under
 * collectors/ plus one line here.
 */
export function createCollectors(): Collector[] {
  return [hostCollector(), pingCollector(), httpCollector()];
}
