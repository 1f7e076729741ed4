import { stringify } from 'yaml';
import { parseConfig } from '../../config/load';
import { routerosCollector } from '../../collectors/routeros';

/** The routeros section of the configuration: queue bindings checked by key path, targets. */

const base = (routeros: Record<string, unknown>) => ({
  organisation: { name: 'Uji' },
  agencies: [{ id: 'dinkes', name: 'Dinas Kesehatan' }],
  devices: [
    {
      id: 'r1',
      kind: 'router',
      address: '10.0.0.1',
      routeros: { username: 'noc-api', password: 'x', ...routeros },
    },
    {
      id: 'r2',
      kind: 'router',
      address: '10.0.0.2',
      routeros: { enabled: false, username: 'u', password: 'x' },
    },
  ],
});
const parse = (raw: object) => parseConfig(stringify(raw), { baseDir: '/', env: {} });

describe('routeros configuration', () => {
  it('names an unknown agency or link of a queue binding by key path', () => {
    const { config, problems } = parse(base({ queues: [{ name: 'q', agency: 'dishub', link: 'wan-x' }] }));
    expect(config).toBeUndefined();
    expect(problems).toEqual([
      { path: 'devices[0].routeros.queues[0].agency', message: 'agency "dishub" does not exist' },
      { path: 'devices[0].routeros.queues[0].link', message: 'link "wan-x" does not exist' },
    ]);
  });

  it('rejects an unknown key in a binding', () => {
    const { problems } = parse(base({ queues: [{ name: 'q', agency: 'dinkes', agensi: 'x' }] }));
    expect(problems).toEqual([{ path: 'devices[0].routeros.queues[0].agensi', message: 'unknown key' }]);
  });

  it('targets enabled routers only, with the poll deadline covering connect, login and reads', () => {
    const { config } = parse(base({ timeoutSeconds: 4, queues: [{ name: 'q', agency: 'dinkes' }] }));
    expect(routerosCollector().targets(config!)).toEqual([
      { key: 'r1', device: 'r1', intervalSeconds: 60, timeoutSeconds: 13 },
    ]);
  });
});
