import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ifIndexFromId,
  parseBitRate,
  parseDuration,
  parseHealth,
  parseInterfaces,
  parsePair,
  parseResource,
  rebootEvent,
  resourceSamples,
} from './parse';

const FIX = resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'routeros');
const rows = (name: string) => {
  const v: unknown = JSON.parse(readFileSync(resolve(FIX, name), 'utf8'));
  return (Array.isArray(v) ? v : [v]) as Record<string, string>[];
};

describe('RouterOS value formats', () => {
  it.each([
    ['1w1h10m14s', 609014],
    ['6d4h45m3s', 535503],
    ['2h32m50s', 9170],
    ['1s530ms', 1.53],
    ['0s', 0],
    ['2d03:04:05', 183845],
    ['03:04:05', 11045],
  ])('duration %s = %d s', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it('rejects what is not a duration', () => {
    expect(parseDuration('never')).toBeUndefined();
    expect(parseDuration('')).toBeUndefined();
    expect(parseDuration('5x')).toBeUndefined();
  });

  it.each([
    ['0', 0],
    ['10000000', 10_000_000],
    ['512k', 512_000],
    ['10M', 10_000_000],
    ['1.5G', 1_500_000_000],
  ])('bit rate %s = %d', (text, bps) => expect(parseBitRate(text)).toBe(bps));

  it('reads upload/download pairs and refuses broken ones', () => {
    expect(parsePair('10M/20M', parseBitRate)).toEqual({ upload: 10_000_000, download: 20_000_000 });
    expect(parsePair('10M', parseBitRate)).toBeUndefined();
    expect(parsePair('x/1', parseBitRate)).toBeUndefined();
  });

  it('turns .id into the SNMP ifIndex number', () => {
    expect(ifIndexFromId('*1')).toBe('1');
    expect(ifIndexFromId('*1A')).toBe('26');
    expect(ifIndexFromId('ether1')).toBeUndefined();
  });
});

describe('/interface (recorded hAP output)', () => {
  const parsed = parseInterfaces(rows('interface.json'));

  it('keeps the three real rows and skips the empty object', () => {
    expect(parsed.map((p) => [p.reading.ifIndex, p.reading.ifName])).toEqual([
      ['1', 'ether1'],
      ['2', 'ether2'],
      ['3', 'ether2'],
    ]);
  });

  it('maps counters as 64-bit bigints and running/disabled to IF-MIB status', () => {
    const [ether1, ether2, disabled] = parsed;
    expect(ether1.reading).toMatchObject({
      counterBits: 64,
      inOctets: 194632346152n,
      outOctets: 15355309685n,
      inUcastPkts: 144047662n,
      outUcastPkts: 56850710n,
      inErrors: 0n,
      outDiscards: 0n,
      adminStatus: 1,
      operStatus: 1,
    });
    expect(ether1.linkDowns).toBe(0n);
    expect(ether1.type).toBe('ether');
    expect(ether2.reading.operStatus).toBe(2);
    expect(ether2.reading.adminStatus).toBe(1);
    expect(disabled.reading.adminStatus).toBe(2);
  });
});

describe('/system/resource (recorded hAP, RouterOS 7.16)', () => {
  const res = parseResource(rows('system_resourses.json')[0]);

  it('reads uptime, version, board, cpu, memory and disk', () => {
    expect(res).toEqual({
      uptimeSeconds: 609014,
      version: '7.16 (stable)',
      board: 'hAP',
      architecture: 'arm',
      cpuLoadPercent: 0,
      cpuCount: 4,
      freeMemory: 50106368n,
      totalMemory: 134217728n,
      freeHdd: 1495040n,
      totalHdd: 16777216n,
    });
  });

  it('builds system, cpu, memory and storage samples with the metrics.md names', () => {
    const tags = { device: 'r1', source: 'routeros' };
    const samples = resourceSamples(res, tags, 1000);
    expect(samples.map((s) => s.measurement)).toEqual(['system', 'cpu', 'memory', 'storage']);
    expect(samples[0].fields).toEqual({
      uptime_seconds: 609014,
      version: '7.16 (stable)',
      board: 'hAP',
      architecture: 'arm',
    });
    expect(samples[1].tags).toEqual({ ...tags, cpu: 'cpu-total' });
    expect(samples[1].fields).toEqual({ load_percent: 0, cores: 4 });
    expect(samples[2].fields).toEqual({
      total_bytes: 134217728n,
      used_bytes: 84111360n,
      free_bytes: 50106368n,
      used_percent: 62.67,
    });
    expect(samples[3].tags).toEqual({ ...tags, path: 'system disk' });
    expect(samples[3].fields).toEqual({
      total_bytes: 16777216n,
      used_bytes: 15282176n,
      free_bytes: 1495040n,
      used_percent: 91.09,
    });
  });
});

describe('/system/health', () => {
  it('reads the v7 form (one row per sensor, unit from type)', () => {
    const v7 = parseHealth([
      { '.id': '*11', name: 'cpu-temperature', value: '41', type: 'C' },
      { '.id': '*1B59', name: 'fan1-speed', value: '3825', type: 'RPM' },
      { '.id': '*1CE9', name: 'psu1-state', value: 'ok', type: '' },
      { '.id': '*1CEA', name: 'psu2-state', value: 'fail', type: '' },
      { '.id': '*5', name: 'voltage', value: '24.1', type: 'V' },
      { '.id': '*6', name: 'poe-out-status', value: 'ok', type: '' },
    ]);
    expect(v7).toEqual([
      { name: 'cpu-temperature', type: 'temperature', unit: 'C', value: 41 },
      { name: 'fan1-speed', type: 'fan', unit: 'rpm', value: 3825 },
      { name: 'psu1-state', type: 'psu', unit: 'ok', value: 1 },
      { name: 'psu2-state', type: 'psu', unit: 'ok', value: 0 },
      { name: 'voltage', type: 'voltage', unit: 'V', value: 24.1 },
    ]);
  });

  it('reads the v6 form (one row of key=value), skipping settings like fan-mode', () => {
    const v6 = parseHealth([
      {
        voltage: '24.1',
        temperature: '40',
        'fan1-speed': '5160',
        'psu2-state': 'fail',
        'power-consumption': '38.5',
        current: '1104',
        'fan-mode': 'auto',
        'use-fan': 'main',
      },
    ]);
    expect(v6).toEqual([
      { name: 'voltage', type: 'voltage', unit: 'V', value: 24.1 },
      { name: 'temperature', type: 'temperature', unit: 'C', value: 40 },
      { name: 'fan1-speed', type: 'fan', unit: 'rpm', value: 5160 },
      { name: 'psu2-state', type: 'psu', unit: 'ok', value: 0 },
      { name: 'power-consumption', type: 'power', unit: 'W', value: 38.5 },
      { name: 'current', type: 'current', unit: 'A', value: 1.104 }, // mA on v6
    ]);
  });

  it('writes the reboot event tagged like the SNMP one (collector)', () => {
    expect(rebootEvent('r1', 609014, 20, 1000)).toEqual({
      type: 'reboot',
      device: 'r1',
      time: 1000,
      text: 'Perangkat r1 dinyalakan ulang (uptime 20 detik, sebelumnya 609014 detik)',
      tags: { collector: 'routeros' },
      fields: { uptime_seconds: 20, previous_uptime_seconds: 609014 },
    });
  });

  it('gives nothing for a board without sensors (CHR, x86)', () => {
    expect(parseHealth([])).toEqual([]);
  });
});
