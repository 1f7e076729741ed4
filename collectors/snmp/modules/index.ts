import type { SnmpModule } from '../types';

/**
 * Every SNMP module beyond the built-in system and interface reads, in one explicit list
 * (host resources, UCD, UPS, PDU, sensors). The engine walks those that apply to a device.
 */
export const snmpModules: SnmpModule[] = [];
