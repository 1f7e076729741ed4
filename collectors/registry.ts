import type { Collector } from './contract';
import { hostCollector } from './host';
import { routerosCollector } from './routeros';
import { httpCollector } from './http';
import { pingCollector } from './ping';
import { snmpCollector } from './snmp';

/**
 * Every collector noc ships, in one explicit list. A new collector is a folder under
 * collectors/ plus one line here.
 */
export function createCollectors(): Collector[] {
  return [
    hostCollector(), // the NOC server itself
    snmpCollector(), // SNMP: system, interfaces, host resources, UPS, PDU, sensors
    routerosCollector(), // MikroTik RouterOS API
    pingCollector(), // reachability, fping in batches
    httpCollector(), // websites and service URLs
  ];
}
