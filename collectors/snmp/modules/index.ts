import type { SnmpModule } from '../types';
import { apcEnvModule } from './apc-env';
import { entitySensorModule } from './entity-sensor';
import { hostResourcesModule } from './host-resources';
import { mikrotikHealthModule } from './mikrotik-health';
import { apcPduModule } from './pdu-apc';
import { raritanPduModule } from './pdu-raritan';
import { ucdModule } from './ucd';
import { upsModule } from './ups';

/**
 * Every SNMP module beyond the built-in system and interface reads, in one explicit list
 * (host resources, UCD, UPS, PDU, sensors). The engine walks those that apply to a device.
 */
export const snmpModules: SnmpModule[] = [
  hostResourcesModule,
  ucdModule,
  upsModule,
  apcPduModule,
  raritanPduModule,
  entitySensorModule,
  mikrotikHealthModule,
  apcEnvModule,
];
