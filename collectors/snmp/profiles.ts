import type { SystemInfo } from './types';

/**
 * Device profiles, kept as data: which vendor and family a device is, read from its
 * sysObjectID (enterprise prefix under 1.3.6.1.4.1) and, where one enterprise makes very
 * different things (APC UPS vs PDU vs environment monitor), from sysDescr. The first rule
 * that matches wins, so more specific rules come first. Modules use the result to decide
 * whether they apply; `noc discover` uses `kind` to propose a device entry.
 */

export type DeviceKind = 'router' | 'switch' | 'server' | 'ups' | 'pdu' | 'sensor' | 'other';

export interface DeviceProfile {
  /** Short vendor id: `mikrotik`, `cisco`, `apc`, … `generic`. */
  vendor: string;
  /** Operating system or product family: `routeros`, `ios`, `linux`, `rpdu`, … */
  family: string;
  /** Human label for tables and docs. */
  label: string;
  /** The configuration `kind` this device most likely is. */
  kind: DeviceKind;
}

interface ProfileRule extends DeviceProfile {
  /** sysObjectID prefixes (numeric, no leading dot); a prefix matches itself or anything below it. */
  oids?: string[];
  /** sysDescr pattern; with `oids` both must match, alone it matches any sysObjectID. */
  descr?: RegExp;
}

const ENT = '1.3.6.1.4.1.';

export const PROFILE_RULES: ProfileRule[] = [
  // MikroTik: RouterOS routers (…14988.1) and SwOS switches (…14988.2).
  { vendor: 'mikrotik', family: 'swos', label: 'MikroTik SwOS', kind: 'switch', oids: [ENT + '14988.2'] },
  {
    vendor: 'mikrotik',
    family: 'routeros',
    label: 'MikroTik RouterOS',
    kind: 'router',
    oids: [ENT + '14988'],
  },
  // Cisco: switches by sysDescr, anything else from Cisco as a router.
  {
    vendor: 'cisco',
    family: 'ios',
    label: 'Cisco IOS switch',
    kind: 'switch',
    oids: [ENT + '9'],
    descr: /C2960|C3[5-8]\d\d|C9[2-5]00|Catalyst|cat[2-9]k/i,
  },
  {
    vendor: 'cisco',
    family: 'nxos',
    label: 'Cisco NX-OS',
    kind: 'switch',
    oids: [ENT + '9'],
    descr: /NX-OS/,
  },
  {
    vendor: 'cisco',
    family: 'asa',
    label: 'Cisco ASA',
    kind: 'router',
    oids: [ENT + '9'],
    descr: /Adaptive Security/,
  },
  { vendor: 'cisco', family: 'ios', label: 'Cisco IOS', kind: 'router', oids: [ENT + '9'] },
  // Huawei: UPS2000/5000 cards and AR routers by sysDescr, otherwise VRP switches.
  {
    vendor: 'huawei',
    family: 'ups',
    label: 'Huawei UPS',
    kind: 'ups',
    oids: [ENT + '2011'],
    descr: /\bUPS\d*/i,
  },
  {
    vendor: 'huawei',
    family: 'vrp',
    label: 'Huawei AR router',
    kind: 'router',
    oids: [ENT + '2011'],
    descr: /\bAR\d{3,4}/,
  },
  { vendor: 'huawei', family: 'vrp', label: 'Huawei VRP', kind: 'switch', oids: [ENT + '2011'] },
  // HPE / Aruba: HP networking (11), Aruba (47196 AOS-CX, 14823 Aruba Networks).
  { vendor: 'hpe', family: 'aos-cx', label: 'HPE Aruba AOS-CX', kind: 'switch', oids: [ENT + '47196'] },
  { vendor: 'hpe', family: 'aruba', label: 'Aruba Networks', kind: 'switch', oids: [ENT + '14823'] },
  {
    vendor: 'hpe',
    family: 'comware',
    label: 'HPE Comware',
    kind: 'switch',
    oids: [ENT + '11', ENT + '25506'],
    descr: /Comware/i,
  },
  {
    vendor: 'hpe',
    family: 'procurve',
    label: 'HPE ProCurve/ArubaOS-Switch',
    kind: 'switch',
    oids: [ENT + '11'],
  },
  // Juniper: EX/QFX switches by sysDescr, otherwise routers/firewalls.
  {
    vendor: 'juniper',
    family: 'junos',
    label: 'Juniper EX/QFX',
    kind: 'switch',
    oids: [ENT + '2636'],
    descr: /\b(ex|qfx)\d/i,
  },
  { vendor: 'juniper', family: 'junos', label: 'Juniper JunOS', kind: 'router', oids: [ENT + '2636'] },
  {
    vendor: 'tplink',
    family: 'jetstream',
    label: 'TP-Link JetStream/Omada',
    kind: 'switch',
    oids: [ENT + '11863'],
  },
  { vendor: 'dlink', family: 'dlink', label: 'D-Link switch', kind: 'switch', oids: [ENT + '171'] },
  // Servers.
  { vendor: 'microsoft', family: 'windows', label: 'Microsoft Windows', kind: 'server', oids: [ENT + '311'] },
  { vendor: 'ixsystems', family: 'truenas', label: 'TrueNAS', kind: 'server', oids: [ENT + '50536'] },
  {
    vendor: 'net-snmp',
    family: 'linux',
    label: 'Linux (net-snmp)',
    kind: 'server',
    oids: [ENT + '8072'],
    descr: /Linux/i,
  },
  { vendor: 'net-snmp', family: 'unix', label: 'Unix (net-snmp)', kind: 'server', oids: [ENT + '8072'] },
  // APC / Schneider: one enterprise, told apart by product subtree (…318.1.3.x) or the card's model (MN:).
  { vendor: 'apc', family: 'rpdu', label: 'APC Rack PDU', kind: 'pdu', oids: [ENT + '318.1.3.4'] },
  {
    vendor: 'apc',
    family: 'rpdu',
    label: 'APC Rack PDU',
    kind: 'pdu',
    oids: [ENT + '318'],
    descr: /MN:AP(7\d|8[6-9])\d\d/,
  },
  {
    vendor: 'apc',
    family: 'ems',
    label: 'APC environmental monitor',
    kind: 'sensor',
    oids: [ENT + '318.1.3.8'],
  },
  {
    vendor: 'apc',
    family: 'ems',
    label: 'APC environmental monitor',
    kind: 'sensor',
    oids: [ENT + '318'],
    descr: /MN:AP93[0-4]\d|NetBotz/,
  },
  { vendor: 'apc', family: 'ups', label: 'APC UPS (PowerNet)', kind: 'ups', oids: [ENT + '318'] },
  // Eaton: ePDUs (534.6.6), Powerware/ConnectUPS cards (534, XUPS-MIB) and MGE cards (705, UPS-MIB).
  { vendor: 'eaton', family: 'epdu', label: 'Eaton ePDU', kind: 'pdu', oids: [ENT + '534.6.6'] },
  { vendor: 'eaton', family: 'xups', label: 'Eaton UPS (XUPS-MIB)', kind: 'ups', oids: [ENT + '534'] },
  { vendor: 'eaton', family: 'mge', label: 'Eaton/MGE UPS', kind: 'ups', oids: [ENT + '705'] },
  { vendor: 'riello', family: 'netman', label: 'Riello UPS (Netman)', kind: 'ups', oids: [ENT + '5491'] },
  { vendor: 'riello', family: 'netman', label: 'Riello UPS (Netman)', kind: 'ups', descr: /^Netman/i },
  { vendor: 'raritan', family: 'px', label: 'Raritan PX PDU', kind: 'pdu', oids: [ENT + '13742'] },
  // Other power and environment vendors seen in Indonesian data centres; their UPS cards speak UPS-MIB.
  { vendor: 'vertiv', family: 'liebert', label: 'Vertiv/Liebert UPS', kind: 'ups', oids: [ENT + '476'] },
  {
    vendor: 'socomec',
    family: 'netvision',
    label: 'Socomec UPS (Net Vision)',
    kind: 'ups',
    oids: [ENT + '4555'],
  },
  { vendor: 'delta', family: 'ups', label: 'Delta UPS', kind: 'ups', oids: [ENT + '2254'] },
  {
    vendor: 'cyberpower',
    family: 'pdu',
    label: 'CyberPower PDU',
    kind: 'pdu',
    oids: [ENT + '3808'],
    descr: /PDU/i,
  },
  { vendor: 'cyberpower', family: 'ups', label: 'CyberPower UPS', kind: 'ups', oids: [ENT + '3808'] },
  {
    vendor: 'servertech',
    family: 'sentry',
    label: 'Server Technology Sentry PDU',
    kind: 'pdu',
    oids: [ENT + '1718'],
  },
  { vendor: 'netbotz', family: 'netbotz', label: 'APC NetBotz', kind: 'sensor', oids: [ENT + '5528'] },
  { vendor: 'akcp', family: 'sensorprobe', label: 'AKCP sensorProbe', kind: 'sensor', oids: [ENT + '3854'] },
  {
    vendor: 'geist',
    family: 'watchdog',
    label: 'Geist/Vertiv Watchdog',
    kind: 'sensor',
    oids: [ENT + '21239'],
  },
  // By sysDescr only, for agents with an unexpected sysObjectID.
  { vendor: 'net-snmp', family: 'linux', label: 'Linux', kind: 'server', descr: /\bLinux\b/ },
  { vendor: 'microsoft', family: 'windows', label: 'Microsoft Windows', kind: 'server', descr: /Windows/ },
  {
    vendor: 'mikrotik',
    family: 'routeros',
    label: 'MikroTik RouterOS',
    kind: 'router',
    descr: /^RouterOS\b/,
  },
  { vendor: 'generic', family: 'ups-mib', label: 'UPS (UPS-MIB)', kind: 'ups', descr: /\bUPS\b/i },
];

export const GENERIC_PROFILE: DeviceProfile = {
  vendor: 'generic',
  family: 'if-mib',
  label: 'Generic SNMP device (IF-MIB)',
  kind: 'other',
};

/** Profile ids for `snmp.profile` in the configuration: `vendor/family`, e.g. `mikrotik/routeros`. */
export const PROFILE_IDS: string[] = [
  ...new Set([...PROFILE_RULES, GENERIC_PROFILE].map((r) => `${r.vendor}/${r.family}`)),
];

/** The profile named by an id of PROFILE_IDS (the first rule with that vendor and family). */
export function profileById(id: string): DeviceProfile | undefined {
  const r = [...PROFILE_RULES, GENERIC_PROFILE].find((x) => `${x.vendor}/${x.family}` === id);
  return r && { vendor: r.vendor, family: r.family, label: r.label, kind: r.kind };
}

/**
 * The profile of a device: the one forced in its configuration (`snmp.profile`, for a device
 * whose sysObjectID says too little, such as a UPS card of an unknown brand), else from what
 * its system group said; the generic IF-MIB profile when nothing matches.
 */
export function detectProfile(system: SystemInfo): DeviceProfile {
  const forced = system.profile && profileById(system.profile);
  if (forced) return forced;
  const oid = normalizeOid(system.sysObjectID);
  const descr = system.sysDescr ?? '';
  for (const rule of PROFILE_RULES) {
    if (rule.oids && !rule.oids.some((p) => oid === p || oid.startsWith(p + '.'))) continue;
    if (rule.descr && !rule.descr.test(descr)) continue;
    if (!rule.oids && !rule.descr) continue;
    return { vendor: rule.vendor, family: rule.family, label: rule.label, kind: rule.kind };
  }
  return { ...GENERIC_PROFILE };
}

function normalizeOid(oid: string | undefined): string {
  return String(oid ?? '')
    .trim()
    .replace(/^\./, '');
}
