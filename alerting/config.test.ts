import { tmpdir } from 'node:os';
import { stringify } from 'yaml';
import { parseConfig } from '../config/load';
import { formatProblem } from '../config/problems';

const base = (alerting: Record<string, unknown>) => ({
  organisation: { name: 'Uji' },
  agencies: [{ id: 'dinkes', name: 'Dinas Kesehatan' }],
  sites: [{ id: 'pd', name: 'Pusat Data' }],
  devices: [{ id: 'core', kind: 'router' }],
  alerting,
});
const problems = (alerting: Record<string, unknown>) =>
  parseConfig(stringify(base(alerting)), { baseDir: tmpdir(), env: {} }).problems.map(formatProblem);

describe('alerting configuration names the key path of every problem', () => {
  it('fills defaults: built-in teams, escalation, flapping, outbox', () => {
    const { config } = parseConfig(stringify(base({})), { baseDir: tmpdir(), env: {} });
    expect(config!.alerting).toMatchObject({
      enabled: true,
      tickSeconds: 5,
      dependencyHoldSeconds: 30,
      flapping: { changes: 4, windowMinutes: 30 },
      routing: {
        dinas: { network: 'infrastruktur', datacenter: 'datacenter' },
        tier1AckMinutes: 30,
        repeatMinutes: 60,
      },
      outbox: { retryBaseSeconds: 5, retryMaxSeconds: 600 },
    });
    expect(config!.alerting.routing.teams.map((t) => t.id)).toEqual(['infrastruktur', 'datacenter']);
  });

  it.each([
    [
      { rules: [{ id: 'latency', measurement: 'ping', field: 'rtt_avg_ms', value: 100 }] },
      [
        'alerting.rules[0].operator: required for a new rule ("latency" is not built in)',
        'alerting.rules[0].severity: required for a new rule ("latency" is not built in)',
      ],
    ],
    [
      { rules: [{ id: 'cpu-high', severity: 'urgent' }] },
      ['alerting.rules[0].severity: Invalid option: expected one of "kritis"|"tinggi"|"sedang"|"rendah"'],
    ],
    [
      { rules: [{ id: 'cpu-high', scope: { sites: ['nope'] } }] },
      ['alerting.rules[0].scope.sites[0]: site "nope" does not exist'],
    ],
    [{ rules: [{ id: 'cpu-high', treshold: 3 }] }, ['alerting.rules[0].treshold: unknown key']],
    [
      {
        maintenance: [
          {
            id: 'm',
            device: 'core',
            site: 'pd',
            from: '2026-03-01 22:00',
            to: '2026-03-02 02:00',
            reason: 'x',
          },
        ],
      },
      ['alerting.maintenance[0]: name exactly one of device, site or agency'],
    ],
    [
      {
        maintenance: [
          { id: 'm', agency: 'x', from: '2026-03-01 22:00', to: '2026-03-01 21:00', reason: 'x' },
        ],
      },
      [
        'alerting.maintenance[0].agency: agency "x" does not exist',
        'alerting.maintenance[0].to: must be after from',
      ],
    ],
    [
      { maintenance: [{ id: 'm', device: 'core', from: 'besok', to: '2026-03-01 23:00', reason: 'x' }] },
      ['alerting.maintenance[0].from: must be "YYYY-MM-DD HH:MM" (local time) or ISO 8601 with offset'],
    ],
    [
      {
        maintenance: [
          {
            id: 'm',
            device: 'core',
            from: '2026-03-01 22:00',
            to: '2026-03-01 23:00',
            reason: 'x',
            recurrence: 'FREQ=HOURLY',
          },
        ],
      },
      [
        'alerting.maintenance[0].recurrence: must look like FREQ=WEEKLY;BYDAY=SU;UNTIL=2026-12-31 (FREQ DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY, UNTIL)',
      ],
    ],
    [
      { routing: { dinas: { network: 'jaringan' }, steps: [{ afterMinutes: 60, team: 'boss' }] } },
      [
        'alerting.routing.dinas.network: team "jaringan" does not exist in routing.teams',
        'alerting.routing.steps[0].team: team "boss" does not exist',
      ],
    ],
    [
      {
        routing: {
          teams: [
            { id: 'infrastruktur', name: 'I', notify: ['tg'] },
            { id: 'datacenter', name: 'D' },
          ],
        },
      },
      ['alerting.routing.teams[0].notify[0]: connector "tg" does not exist'],
    ],
    [
      { connectors: [{ id: 'hook', type: 'webhook', url: 'not a url', secret: 's' }] },
      ['alerting.connectors[0].url: Invalid URL'],
    ],
    [
      { connectors: [{ id: 'x', type: 'jira', url: 'http://a' }] },
      [
        "alerting.connectors[0].type: Invalid discriminator value. Expected 'webhook' | 'email' | 'glpi' | 'zammad' | 'osticket' | 'rt' | 'telegram'",
      ],
    ],
    [
      { connectors: [{ id: 'm', type: 'email', smtp: { host: 'h' }, from: 'noc@a.go.id', to: [] }] },
      ['alerting.connectors[0].to: Too small: expected array to have >=1 items'],
    ],
    [{ maintenanceNotice: ['tg'] }, ['alerting.maintenanceNotice[0]: connector "tg" does not exist']],
  ])('%j', (alerting, expected) => {
    expect(problems(alerting)).toEqual(expected);
  });
});
