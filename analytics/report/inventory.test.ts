import { parseConfig } from '../../config/load';
import { configMaintenance, slaObjects } from './inventory';

const yaml = (extra: string) => `
organisation: { name: Uji, timezone: Asia/Makassar }
devices:
  - { id: core, kind: router, added: 2025-01-01 }
  - { id: srv, kind: server, agency: rsud, site: pd, parents: [core], added: 2025-07-01 }
  - { id: srv2, kind: server }
agencies: [{ id: rsud, name: RSUD }]
sites: [{ id: pd, name: Pusat Data }]
links: [{ id: isp, device: core, interface: e1, kind: isp, contract: { availabilityPercent: 99.9, source: Kontrak } }]
services:
  - { id: a, name: A, devices: [srv, core], availabilityTarget: { percent: 99.5, source: SLA } }
  - { id: b, name: B, devices: [srv, srv2] }
${extra}`;

describe('objects of the service-level figures, from the configuration', () => {
  it('targets, parents and added dates (local midnight, here WITA)', () => {
    const { config, problems } = parseConfig(yaml(''), { baseDir: '.', env: {} });
    expect(problems).toEqual([]);
    const objects = slaObjects(config!);
    const by = (kind: string, id: string) => objects.find((o) => o.kind === kind && o.id === id)!;
    expect(by('device', 'srv')).toMatchObject({
      parents: ['core'],
      agency: 'rsud',
      site: 'pd',
      added: Date.parse('2025-06-30T16:00:00Z'),
    });
    expect(by('link', 'isp')).toMatchObject({
      parents: ['core'],
      targetPercent: 99.9,
      targetSource: 'Kontrak',
      added: Date.parse('2024-12-31T16:00:00Z'),
    });
    // A service exists from its first device's date, if every device has one.
    expect(by('service', 'a')).toMatchObject({
      parents: ['srv', 'core'],
      targetPercent: 99.5,
      added: Date.parse('2024-12-31T16:00:00Z'),
    });
    expect(by('service', 'b').added).toBeUndefined();
  });

  it('maintenance windows from serviceLevels, checked at load', () => {
    const ok = parseConfig(
      yaml(`serviceLevels:
  maintenance: [{ scope: { site: pd }, from: "2025-03-10T22:00:00+08:00", to: "2025-03-10T23:00:00+08:00", reason: UPS }]`),
      { baseDir: '.', env: {} },
    );
    expect(configMaintenance(ok.config!)).toEqual([
      {
        scope: { site: 'pd' },
        from: Date.parse('2025-03-10T14:00:00Z'),
        to: Date.parse('2025-03-10T15:00:00Z'),
        reason: 'UPS',
      },
    ]);
    const bad = parseConfig(
      yaml(`serviceLevels:
  parentOutages: nobody
  maintenance: [{ from: "2025-03-10T23:00:00+08:00", to: "2025-03-10T22:00:00+08:00", reason: x }]`),
      { baseDir: '.', env: {} },
    );
    expect(bad.problems.map((p) => p.path).sort()).toEqual([
      'serviceLevels.maintenance[0].to',
      'serviceLevels.parentOutages',
    ]);
  });
});
