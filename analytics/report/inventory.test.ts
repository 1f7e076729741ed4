import { parseConfig } from '../../config/load';
import { maintenanceIn, slaObjects } from './inventory';

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

  it("maintenance windows are alerting's, local time, recurring ones expanded over the period", () => {
    const ok = parseConfig(
      yaml(`alerting:
  maintenance:
    - { id: ups, site: pd, from: "2025-03-10 22:00", to: "2025-03-10 23:00", reason: UPS }
    - { id: weekly, device: srv, from: "2025-03-04 01:00", to: "2025-03-04 02:30", reason: Backup, recurrence: "FREQ=WEEKLY;UNTIL=2025-03-18" }`),
      { baseDir: '/nonexistent', env: {} },
    );
    expect(ok.problems).toEqual([]);
    const march = maintenanceIn(
      ok.config!,
      Date.parse('2025-03-01T00:00:00+08:00'),
      Date.parse('2025-04-01T00:00:00+08:00'),
    );
    const w = (scope: object, from: string, to: string, reason: string) => ({
      scope: { device: undefined, site: undefined, agency: undefined, ...scope },
      from: Date.parse(from),
      to: Date.parse(to),
      reason,
    });
    expect(march).toEqual([
      w({ site: 'pd' }, '2025-03-10T22:00:00+08:00', '2025-03-10T23:00:00+08:00', 'UPS'),
      w({ device: 'srv' }, '2025-03-04T01:00:00+08:00', '2025-03-04T02:30:00+08:00', 'Backup'),
      w({ device: 'srv' }, '2025-03-11T01:00:00+08:00', '2025-03-11T02:30:00+08:00', 'Backup'),
      w({ device: 'srv' }, '2025-03-18T01:00:00+08:00', '2025-03-18T02:30:00+08:00', 'Backup'),
    ]);
    // A period that ends mid-occurrence still sees it; one before the first sees nothing.
    expect(
      maintenanceIn(
        ok.config!,
        Date.parse('2025-03-11T02:00:00+08:00'),
        Date.parse('2025-03-11T03:00:00+08:00'),
      ),
    ).toHaveLength(1);
    expect(
      maintenanceIn(
        ok.config!,
        Date.parse('2025-02-01T00:00:00+08:00'),
        Date.parse('2025-03-01T00:00:00+08:00'),
      ),
    ).toEqual([]);
  });
});
