import type { Rule, Scope } from '../types';

/**
 * Room probes: stand-alone sensors and the probes plugged into UPS and PDU units. The room
 * envelope (ASHRAE) does not apply to a router's or server's own board sensors, which run far
 * warmer and have their own rule (device-temperature-high).
 */
const ROOM: Scope = { kinds: ['sensor', 'ups', 'pdu'] };

type BuiltIn = Omit<Rule, 'enabled' | 'where' | 'when' | 'scope' | 'count' | 'forSeconds' | 'kind'> &
  Partial<Pick<Rule, 'where' | 'when' | 'scope' | 'count' | 'forSeconds' | 'kind'>>;

/**
 * The built-in rule set. Thresholds follow common practice (ASHRAE A1 recommended envelope for
 * the room, 80 % of a feed's rating as in NEC/PUIL continuous-load practice); every one can be
 * overridden by id in `alerting.rules`, and the override should name its source document.
 */
const RULES: BuiltIn[] = [
  {
    id: 'device-unreachable',
    measurement: 'ping',
    fields: ['up'],
    operator: '==',
    value: false,
    clear: true,
    // Two failed polls (each already several pings) before it counts as down.
    count: 2,
    severity: 'tinggi',
    subject: [],
    title: { id: '{device} tidak dapat dijangkau', en: '{device} is unreachable' },
  },
  {
    id: 'interface-down',
    measurement: 'interface',
    fields: ['ifOperStatus'],
    operator: '==',
    value: 2,
    clear: 1,
    count: 2,
    severity: 'tinggi',
    // Only configured links by default; an administratively shut port is not a fault.
    where: { link: '*' },
    when: { ifAdminStatus: 1 },
    subject: ['ifName'],
    title: { id: 'Link {subject} pada {device} terputus', en: 'Link {subject} on {device} is down' },
  },
  {
    id: 'link-utilisation-high',
    measurement: 'interface',
    fields: ['in_utilisation_percent', 'out_utilisation_percent'],
    operator: '>',
    value: 90,
    clear: 80,
    valueFrom: 'link.criticalPercent',
    forSeconds: 600,
    severity: 'sedang',
    where: { link: '*' },
    subject: ['ifName'],
    title: {
      id: 'Utilisasi link {subject} pada {device} {value} % (di atas {threshold} %)',
      en: 'Link {subject} on {device} at {value} % (above {threshold} %)',
    },
  },
  {
    id: 'interface-errors',
    measurement: 'interface',
    fields: ['in_errors_per_s', 'out_errors_per_s', 'in_discards_per_s', 'out_discards_per_s'],
    operator: '>',
    value: 10,
    clear: 1,
    forSeconds: 600,
    severity: 'sedang',
    where: { link: '*' },
    subject: ['ifName'],
    title: {
      id: 'Galat/discard pada {subject} di {device}: {value}/detik',
      en: 'Errors/discards on {subject} at {device}: {value}/s',
    },
  },
  ups(
    'ups-on-battery',
    'on_battery',
    '==',
    true,
    false,
    'tinggi',
    'UPS {device} berjalan dengan baterai',
    'UPS {device} is on battery',
  ),
  ups(
    'ups-battery-low',
    'charge_percent',
    '<',
    40,
    50,
    'kritis',
    'Baterai UPS {device} lemah ({value} %)',
    'UPS {device} battery low ({value} %)',
  ),
  ups(
    'ups-runtime-low',
    'runtime_minutes',
    '<',
    10,
    15,
    'kritis',
    'Sisa waktu baterai UPS {device} {value} menit',
    'UPS {device} runtime {value} min',
  ),
  {
    ...ups(
      'ups-overload',
      'load_percent',
      '>',
      90,
      80,
      'tinggi',
      'Beban UPS {device} {value} %',
      'UPS {device} load {value} %',
    ),
    forSeconds: 60,
  },
  capacity(
    'rack-power-high',
    'rack',
    ['rack'],
    'Daya rak {subject} {value} % dari kapasitas',
    'Rack {subject} power at {value} % of capacity',
  ),
  capacity(
    'feed-power-high',
    'feed',
    ['rack', 'feed'],
    'Daya catu {subject} {value} % dari kapasitas',
    'Feed {subject} power at {value} % of capacity',
  ),
  {
    id: 'device-temperature-high',
    measurement: 'sensor',
    fields: ['value'],
    operator: '>',
    // Board and CPU sensors: a MikroTik CCR runs at 40-60 °C; above 75 °C cooling has failed
    // (fan, blocked airflow, the room itself) well before the device shuts itself down.
    value: 75,
    clear: 70,
    forSeconds: 300,
    severity: 'sedang',
    where: { type: 'temperature' },
    scope: { kinds: ['router', 'switch', 'server', 'other'] },
    subject: ['name'],
    title: {
      id: 'Suhu perangkat {device} ({subject}) {value} °C',
      en: 'Device {device} temperature ({subject}) {value} °C',
    },
  },
  sensor(
    'temperature-high',
    'temperature',
    '>',
    27,
    26,
    'tinggi',
    'Suhu {subject} di {device} {value} °C',
    'Temperature {subject} at {device} {value} °C',
  ),
  sensor(
    'temperature-low',
    'temperature',
    '<',
    18,
    19,
    'sedang',
    'Suhu {subject} di {device} {value} °C',
    'Temperature {subject} at {device} {value} °C',
  ),
  sensor(
    'humidity-high',
    'humidity',
    '>',
    60,
    55,
    'sedang',
    'Kelembapan {subject} di {device} {value} %',
    'Humidity {subject} at {device} {value} %',
  ),
  sensor(
    'humidity-low',
    'humidity',
    '<',
    20,
    25,
    'sedang',
    'Kelembapan {subject} di {device} {value} %',
    'Humidity {subject} at {device} {value} %',
  ),
  usage(
    'cpu-high',
    'cpu',
    'load_percent',
    90,
    80,
    900,
    'Beban CPU {device} {value} %',
    'CPU load on {device} {value} %',
  ),
  usage(
    'memory-high',
    'memory',
    'used_percent',
    90,
    85,
    900,
    'Memori {device} terpakai {value} %',
    'Memory on {device} {value} % used',
  ),
  usage(
    'disk-high',
    'storage',
    'used_percent',
    90,
    85,
    600,
    'Disk {subject} di {device} terpakai {value} %',
    'Disk {subject} on {device} {value} % used',
  ),
  {
    id: 'reboot-detected',
    kind: 'event',
    event: 'reboot',
    measurement: 'event',
    fields: ['text'],
    operator: '!=',
    value: '',
    severity: 'rendah',
    clearAfterSeconds: 3600,
    subject: [],
    title: { id: '{device} baru saja dinyalakan ulang', en: '{device} has rebooted' },
  },
  {
    id: 'tls-certificate-expiring',
    measurement: 'http',
    fields: ['cert_days_left'],
    operator: '<',
    value: 14,
    clear: 21,
    severity: 'sedang',
    subject: ['url'],
    title: {
      id: 'Sertifikat TLS {subject} berakhir dalam {value} hari',
      en: 'TLS certificate of {subject} expires in {value} days',
    },
  },
  {
    id: 'website-down',
    measurement: 'http',
    fields: ['up'],
    operator: '==',
    value: false,
    clear: true,
    count: 2,
    severity: 'tinggi',
    subject: ['url'],
    title: { id: 'Situs {subject} tidak dapat diakses', en: 'Website {subject} is down' },
  },
  {
    id: 'collection-failing',
    kind: 'error',
    measurement: 'collection',
    fields: ['error'],
    operator: '!=',
    value: '',
    count: 3,
    clearAfterSeconds: 600,
    severity: 'rendah',
    subject: ['collector'],
    title: {
      id: 'Pengumpulan data {subject} dari {device} gagal',
      en: 'Collection {subject} from {device} failing',
    },
  },
];

function ups(
  id: string,
  field: string,
  operator: Rule['operator'],
  value: number | boolean,
  clear: number | boolean,
  severity: Rule['severity'],
  titleId: string,
  titleEn: string,
): BuiltIn {
  return {
    id,
    measurement: 'ups',
    fields: [field],
    operator,
    value,
    clear,
    severity,
    subject: [],
    title: { id: titleId, en: titleEn },
  };
}

/** Reads the `capacity` measurement (docs/alerting.md): power_percent per rack or feed. */
function capacity(id: string, scope: string, subject: string[], titleId: string, titleEn: string): BuiltIn {
  return {
    id,
    measurement: 'capacity',
    fields: ['power_percent'],
    operator: '>',
    value: 80,
    clear: 75,
    forSeconds: 300,
    severity: 'tinggi',
    where: { scope },
    subject,
    title: { id: titleId, en: titleEn },
  };
}

function sensor(
  id: string,
  type: string,
  operator: Rule['operator'],
  value: number,
  clear: number,
  severity: Rule['severity'],
  titleId: string,
  titleEn: string,
): BuiltIn {
  return {
    id,
    measurement: 'sensor',
    fields: ['value'],
    operator,
    value,
    clear,
    forSeconds: 300,
    severity,
    where: { type },
    scope: ROOM,
    subject: ['name'],
    title: { id: titleId, en: titleEn },
  };
}

function usage(
  id: string,
  measurement: string,
  field: string,
  value: number,
  clear: number,
  forSeconds: number,
  titleId: string,
  titleEn: string,
): BuiltIn {
  return {
    id,
    measurement,
    fields: [field],
    operator: '>',
    value,
    clear,
    forSeconds,
    severity: 'sedang',
    // Storage samples are told apart by their `path` tag (every source writes it).
    subject: measurement === 'storage' ? ['path'] : [],
    title: { id: titleId, en: titleEn },
  };
}

export const BUILTIN_RULES: Rule[] = RULES.map((r) => ({
  enabled: true,
  kind: 'threshold',
  forSeconds: 0,
  count: 1,
  where: {},
  when: {},
  scope: {},
  ...r,
}));

export const BUILTIN_RULE_IDS = new Set(BUILTIN_RULES.map((r) => r.id));
