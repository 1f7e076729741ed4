import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * What the peer serves. Interfaces, system resource, DHCP leases and legacy wireless clients are
 * the recorded RouterOS outputs in ../shared/fixtures/routeros (REST and API share attribute
 * names). Health, queues, neighbours and wifiwave2/wifi clients have no recording there; their
 * rows are written here and say where their values come from.
 */

/** The repo root is the first folder up with a package.json (works from the sources and from dist/). */
function repoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const FIXTURES = resolve(repoRoot(__dirname), '..', 'shared', 'fixtures', 'routeros');

export type Row = Record<string, string>;

export function fixture(name: string): Row[] {
  const parsed: unknown = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
  return (Array.isArray(parsed) ? parsed : [parsed]) as Row[];
}

/**
 * RouterOS v7 health rows, values from the CCR2004-1G-12S+2XS (RouterOS 7.24.2) SNMP recording
 * in ../shared/fixtures/snmprec (mtxrGaugeTable: names, values, units; status 0 = ok).
 */
export const HEALTH_V7: Row[] = [
  { '.id': '*11', name: 'cpu-temperature', value: '41', type: 'C' },
  { '.id': '*32', name: 'sfp-temperature', value: '54', type: 'C' },
  { '.id': '*33', name: 'switch-temperature', value: '37', type: 'C' },
  { '.id': '*36', name: 'fan-state', value: 'ok', type: '' },
  { '.id': '*1B59', name: 'fan1-speed', value: '3825', type: 'RPM' },
  { '.id': '*1B5A', name: 'fan2-speed', value: '3945', type: 'RPM' },
  { '.id': '*1BBD', name: 'board-temperature1', value: '33', type: 'C' },
  { '.id': '*1BBE', name: 'board-temperature2', value: '36', type: 'C' },
  { '.id': '*1CE9', name: 'psu1-state', value: 'ok', type: '' },
  { '.id': '*1CEA', name: 'psu2-state', value: 'ok', type: '' },
];

/**
 * RouterOS v6 health, one row of key=value. Voltage and temperature from the RB952Ui-5ac2nD
 * (RouterOS 6.40.5) SNMP recording (mtxrHlVoltage 154 dV, mtxrHlTemperature 330 dC); the fan,
 * PSU and power attributes are illustrative, as a v6 CCR prints them, to exercise the parser.
 */
export const HEALTH_V6: Row[] = [
  {
    voltage: '15.4',
    temperature: '33',
    'cpu-temperature': '52',
    'fan1-speed': '5160',
    'fan2-speed': '5280',
    'psu1-state': 'ok',
    'psu2-state': 'fail',
    'power-consumption': '38.5',
    current: '1104',
    'fan-mode': 'auto',
    'use-fan': 'main',
    'active-fan': 'main',
  },
];

/** Simple queues (illustrative): two agencies with max-limit, one unlimited guest queue. */
export function queues(): Row[] {
  return [
    {
      '.id': '*1',
      name: 'opd-dinkes',
      target: '10.20.5.0/24',
      disabled: 'false',
      'max-limit': '10000000/20000000',
      rate: '2500000/8000000',
      bytes: '123456789/987654321',
    },
    {
      '.id': '*2',
      name: 'opd-disdik',
      target: '10.20.6.0/24',
      disabled: 'false',
      'max-limit': '5M/5M',
      rate: '0/0',
      bytes: '5000/7000',
    },
    {
      '.id': '*3',
      name: 'tamu',
      target: '10.20.9.0/24,10.20.10.0/24',
      disabled: 'true',
      'max-limit': '0/0',
      rate: '0/0',
      bytes: '0/0',
    },
  ];
}

/** Neighbours (illustrative) as `/ip/neighbor/print` lists MNDP/LLDP peers. */
export const NEIGHBORS: Row[] = [
  {
    '.id': '*1',
    interface: 'ether1',
    address: '10.10.0.1',
    'mac-address': '00:11:22:33:44:66',
    identity: 'core-ccr',
    platform: 'MikroTik',
    version: '7.16 (stable)',
    board: 'CCR2004-1G-12S+2XS',
    'interface-name': 'sfp-sfpplus2',
  },
  {
    '.id': '*2',
    interface: 'ether2',
    'mac-address': '00:11:22:33:44:77',
    identity: 'sw-lantai2',
    platform: 'MikroTik',
  },
];

/** wifiwave2 / wifi registration rows (illustrative): the signal attribute is `signal`. */
export const WIFI_CLIENTS: Row[] = [
  { '.id': '*1', interface: 'wifi1', 'mac-address': '00:11:22:33:44:88', signal: '-58', uptime: '1h2m' },
  { '.id': '*2', interface: 'wifi1', 'mac-address': '00:11:22:33:44:99', signal: '-71', uptime: '5m' },
  { '.id': '*3', interface: 'wifi2', 'mac-address': '00:11:22:33:44:aa', signal: '-49', uptime: '3d' },
];
