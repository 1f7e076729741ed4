import { BUILTIN_RULES } from '../../alerting/rules';
import type { Incident, Route } from '../../alerting/types';
import {
  categoryOf,
  escalatedIncidents,
  incidentSummary,
  overlapping,
  Period,
  ticketRows,
  topCauses,
} from './incident-figures';

const H = 3600_000;
const INFRA: Route = { tier: 2, team: 'infrastruktur', teamName: 'Tim Infrastruktur', notify: [] };
const TIER1: Route = { tier: 1, team: 'tier1-dinkes', teamName: 'Tier 1 Dinas Kesehatan', notify: [] };

function incident(id: string, rule: string, o: Partial<Incident>): Incident {
  return {
    id,
    key: `${rule}|x|`,
    rule,
    device: 'x',
    subject: '',
    severity: 'sedang',
    state: o.resolvedAt === undefined ? 'firing' : 'resolved',
    flapping: false,
    startedAt: 0,
    firedAt: o.startedAt ?? 0,
    value: 0,
    threshold: 0,
    field: 'up',
    ticketed: true,
    escalationLevel: 0,
    title: id,
    ...o,
  };
}

// The period is hours 100..200; the report is made at hour 300.
const P: Period = { from: 100 * H, to: 200 * H, now: 300 * H };
const INCIDENTS: Incident[] = [
  // Started before the period: counted, with its whole duration (20 h).
  incident('A', 'device-unreachable', {
    severity: 'kritis',
    startedAt: 90 * H,
    ackedAt: 91 * H,
    resolvedAt: 110 * H,
    route: INFRA,
  }),
  incident('B', 'interface-down', {
    severity: 'tinggi',
    startedAt: 120 * H,
    firedAt: 121 * H,
    ackedAt: 123 * H,
    resolvedAt: 124 * H,
    route: INFRA,
  }),
  // Still open, never acknowledged, escalated from Tier 1.
  incident('C', 'ups-on-battery', {
    severity: 'kritis',
    startedAt: 150 * H,
    route: TIER1,
    escalationLevel: 1,
  }),
  // The child of A's outage: no ticket of its own.
  incident('D', 'device-unreachable', {
    severity: 'kritis',
    startedAt: 120 * H,
    resolvedAt: 124 * H,
    suppressed: 'parent',
    parentIncident: 'B',
    ticketed: false,
  }),
  // Never routed: no ticket asked for.
  incident('E', 'reboot-detected', {
    severity: 'rendah',
    startedAt: 130 * H,
    resolvedAt: 130.5 * H,
    ticketed: false,
  }),
  // A custom rule; acknowledged and resolved only after the period: open at its end.
  incident('F', 'latency-high', {
    severity: 'sedang',
    startedAt: 160 * H,
    ackedAt: 250 * H,
    resolvedAt: 260 * H,
    route: INFRA,
    escalationLevel: 2,
  }),
  incident('J', 'device-unreachable', {
    severity: 'tinggi',
    startedAt: 180 * H,
    ackedAt: 180.5 * H,
    resolvedAt: 182 * H,
    route: INFRA,
  }),
  // Outside the period: over before it, after it, ending exactly at its start.
  incident('G', 'device-unreachable', { startedAt: 10 * H, resolvedAt: 20 * H, route: INFRA }),
  incident('H', 'device-unreachable', { startedAt: 210 * H, route: INFRA }),
  incident('I', 'device-unreachable', { startedAt: 99 * H, resolvedAt: 100 * H, route: INFRA }),
];

describe('incident figures of a period', () => {
  it('takes the incidents overlapping [from, to)', () => {
    expect(overlapping(INCIDENTS, P).map((i) => i.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'J']);
  });

  it('maps rules to ticket categories, custom rules to Lainnya', () => {
    const cases: [string, string][] = [
      ['device-unreachable', 'Jaringan'],
      ['interface-errors', 'Jaringan'],
      ['ups-battery-low', 'Daya'],
      ['feed-power-high', 'Daya'],
      ['temperature-high', 'Lingkungan ruang'],
      ['humidity-low', 'Lingkungan ruang'],
      ['device-temperature-high', 'Lingkungan ruang'],
      ['disk-high', 'Server'],
      ['tls-certificate-expiring', 'Layanan/situs'],
      ['collection-failing', 'Pemantauan'],
      ['reboot-detected', 'Lainnya'],
      ['latency-high', 'Lainnya'],
    ];
    for (const [rule, label] of cases) expect([rule, categoryOf(rule).id]).toEqual([rule, label]);
    // Every built-in rule but the reboot has a category of its own.
    const other = BUILTIN_RULES.filter((r) => categoryOf(r.id).key === 'other').map((r) => r.id);
    expect(other).toEqual(['reboot-detected']);
  });

  it('work orders by category × team × tier, suppressed children counted apart', () => {
    const { rows, suppressed } = ticketRows(INCIDENTS, P);
    expect(suppressed).toBe(1);
    expect(rows.map((r) => ({ ...r, category: r.category.id }))).toEqual([
      {
        category: 'Jaringan',
        team: 'Tim Infrastruktur',
        tier: 2,
        count: 3,
        ticketed: 3,
        // (1 h + 2 h + 0,5 h) / 3 and (20 h + 4 h + 2 h) / 3
        meanResponseMs: 4_200_000,
        meanResolutionMs: 31_200_000,
        openAtEnd: 0,
        escalated: 0,
      },
      {
        category: 'Daya',
        team: 'Tier 1 Dinas Kesehatan',
        tier: 1,
        count: 1,
        ticketed: 1,
        meanResponseMs: null,
        meanResolutionMs: null,
        openAtEnd: 1,
        escalated: 1,
      },
      {
        category: 'Lainnya',
        team: 'Tim Infrastruktur',
        tier: 2,
        count: 1,
        ticketed: 1,
        meanResponseMs: null,
        meanResolutionMs: null,
        openAtEnd: 1,
        escalated: 1,
      },
      {
        category: 'Lainnya',
        team: null,
        tier: null,
        count: 1,
        ticketed: 0,
        meanResponseMs: null,
        meanResolutionMs: 0.5 * H,
        openAtEnd: 0,
        escalated: 0,
      },
    ]);
  });

  it('count, MTTR and longest per severity; an open incident lasts to the end of the period', () => {
    expect(incidentSummary(INCIDENTS, P)).toEqual([
      {
        severity: 'kritis',
        count: 2,
        resolved: 1,
        openAtEnd: 1,
        mttrMs: 20 * H,
        longestMs: 50 * H,
        longestId: 'C',
        suppressed: 1,
      },
      {
        severity: 'tinggi',
        count: 2,
        resolved: 2,
        openAtEnd: 0,
        mttrMs: 3 * H,
        longestMs: 4 * H,
        longestId: 'B',
        suppressed: 0,
      },
      {
        severity: 'sedang',
        count: 1,
        resolved: 0,
        openAtEnd: 1,
        mttrMs: null,
        longestMs: 40 * H,
        longestId: 'F',
        suppressed: 0,
      },
      {
        severity: 'rendah',
        count: 1,
        resolved: 1,
        openAtEnd: 0,
        mttrMs: 0.5 * H,
        longestMs: 0.5 * H,
        longestId: 'E',
        suppressed: 0,
      },
      {
        severity: null,
        count: 6,
        resolved: 4,
        openAtEnd: 2,
        // (20 + 4 + 0,5 + 2) h / 4
        mttrMs: 6.625 * H,
        longestMs: 50 * H,
        longestId: 'C',
        suppressed: 1,
      },
    ]);
  });

  it('an open incident in a report made before the period ends lasts until now', () => {
    const early = { ...P, now: 170 * H };
    const total = incidentSummary(INCIDENTS, early).at(-1)!;
    // C: 150 h → 170 h; A (20 h) is now the longest.
    expect(total).toMatchObject({ longestMs: 20 * H, longestId: 'A', openAtEnd: 2 });
    expect(incidentSummary(INCIDENTS, early)[0]).toMatchObject({ longestMs: 20 * H, longestId: 'A' });
  });

  // Hours 30..80: after G, before everything else (C and H are open, but start later).
  it('nothing in the period: no rows', () => {
    expect(incidentSummary(INCIDENTS, { from: 30 * H, to: 80 * H, now: 500 * H })).toEqual([]);
    expect(ticketRows([], P)).toEqual({ rows: [], suppressed: 0 });
  });

  it('top causes by count with their share of the own incidents, ties by rule id', () => {
    expect(topCauses(INCIDENTS, P, 3).map((c) => ({ ...c, category: c.category.id }))).toEqual([
      {
        rule: 'device-unreachable',
        category: 'Jaringan',
        count: 2,
        sharePercent: 100 / 3,
        mttrMs: 11 * H,
      },
      { rule: 'interface-down', category: 'Jaringan', count: 1, sharePercent: 100 / 6, mttrMs: 4 * H },
      { rule: 'latency-high', category: 'Lainnya', count: 1, sharePercent: 100 / 6, mttrMs: null },
    ]);
    expect(topCauses(INCIDENTS, P)).toHaveLength(5);
  });

  it('escalated incidents with how long they waited for an acknowledgement', () => {
    expect(escalatedIncidents(INCIDENTS, P)).toEqual([
      { id: 'C', waitMs: 50 * H },
      // Acknowledged only after the period: waited until its end.
      { id: 'F', waitMs: 40 * H },
    ]);
  });
});
