import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { Agent } from '../agent/agent';
import { silentLogger } from '../agent/log';
import type { Sample } from '../agent/sample';
import type { Collector } from '../collectors/contract';
import { parseConfig } from '../config/load';
import { Alerting } from '.';
import { AlertStore } from './store';

/** Alerting hooked into the real Agent: collector events become incidents written through the writer. */
describe('Agent with alerting', () => {
  const dir = mkdtempSync(join(tmpdir(), 'noc-agent-alert-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sees what the collectors send, writes incident samples, and closes its store on stop', async () => {
    const config = parseConfig(
      stringify({
        organisation: { name: 'Uji' },
        agent: { dataDir: dir, http: { port: 0 }, host: { enabled: false }, jitterPercent: 0 },
        devices: [{ id: 'r1', kind: 'router' }],
        alerting: { tickSeconds: 3600 },
      }),
      { baseDir: '.', env: {} },
    ).config!;
    const probe: Collector = {
      name: 'probe',
      targets: () => [{ key: 'r1', device: 'r1', intervalSeconds: 3600, timeoutSeconds: 5 }],
      async collect(target, ctx, sink) {
        sink.event({ type: 'reboot', device: target.device, time: ctx.now(), text: 'r1 dinyalakan ulang' });
      },
    };
    const written: Sample[] = [];
    const writer = {
      start: async () => undefined,
      stop: async () => undefined,
      stats: () => ({}),
      write: (s: Sample[]) => void written.push(...s),
    };
    const alerting = new Alerting({ config, writer });
    const agent = new Agent({ config, collectors: [probe], writer, logFor: () => silentLogger, alerting });
    await agent.start();
    const deadline = Date.now() + 20_000;
    while (!written.some((s) => s.measurement === 'incident') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await agent.stop();
    const incident = written.find((s) => s.measurement === 'incident')!;
    expect(incident.tags).toMatchObject({ device: 'r1', rule: 'reboot-detected', kind: 'router' });
    expect(incident.fields).toMatchObject({
      state: 'firing',
      severity: 'rendah',
      text: 'r1 baru saja dinyalakan ulang',
    });
    // Stopped cleanly: the database opens again and holds the incident.
    const store = AlertStore.open(join(dir, 'alerting.db'));
    expect(store.incidents().map((i) => i.rule)).toEqual(['reboot-detected']);
    store.close();
  });
});
