import type { Collector } from './contract';
import { hostCollector } from './host';
import { snmpCollector } from './snmp';

/**
 * Every collector noc ships, in one explicit list. A new collector is a folder under
 * collectors/ plus one line here.
 */
export function createCollectors(): Collector[] {
  return [hostCollector(), snmpCollector()];
}
