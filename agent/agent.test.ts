import { stringify } from 'yaml';
import type { Collector } from '../collectors/contract';
import { parseConfig } from '../config/load';
import { Agent } from './agent';
import { silentLogger } from './log';
import type { Sample } from './sample';

/** Stands in for the InfluxDB writer; the writer itself is tested against a real InfluxDB. */
class MemoryWriter {
  samples: Sample[] = [];
  started = false;
  stopped = false;
  async start() {
    this.started = true;
  }
  async stop() {
    this.stopped = true;
  }
  write(samples: Sample[]) {
    this.samples.push(...samples);
  }
  stats() {
    return { queueDepth: 3, spoolBytes: 1024, pointsWritten: 10, pointsDropped: { invalidField: 2 } };
  }
}

const config = parseConfig(
  stringify({
    organisation: { name: 'Diskominfo Uji' },
    agent: { http: { port: 0 }, host: { enabled: false }, jitterPercent: 0 },
    agencies: [{ id: 'dinkes', name: 'Dinas Kesehatan' }],
    devices: [{ id: 'r1', kind: 'router', agency: 'dinkes', model: 'RB4011' }],
  }),
  { baseDir: '.', env: {} },
).config!;

const probe: Collector = {
  name: 'probe',
  targets: () => [{ key: 'r1', device: 'r1', intervalSeconds: 60, timeoutSeconds: 5 }],
  async collect(target, ctx, sink) {
    sink.sample({
      measurement: 'probe',
      tags: { device: target.device },
      fields: { up: true },
      time: ctx.now(),
    });
    sink.event({
      type: 'reboot',
      device: target.device,
      time: ctx.now(),
      text: 'Perangkat r1 dinyalakan ulang',
    });
  },
};

describe('Agent', () => {
  it('serves /healthz and /metrics, writes inventory, samples and events, and flushes on stop', async () => {
    const writer = new MemoryWriter();
    const agent = new Agent({ config, collectors: [probe], writer, logFor: () => silentLogger });
    const { host, port } = await agent.start();
    expect(host).toBe('127.0.0.1');
    await new Promise((r) => setTimeout(r, 100));

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const report = (await health.json()) as Record<string, unknown>;
    expect(report).toMatchObject({ ok: true, organisation: 'Diskominfo Uji', targets: 1 });

    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('noc_polls_total{collector="probe"} 1');
    expect(metrics).toContain('noc_collector_samples_total{collector="probe"} 1');
    expect(metrics).toContain('noc_events_total{type="reboot"} 1');
    expect(metrics).toContain('noc_writer_queue_depth 3');
    expect(metrics).toContain('noc_writer_points_dropped{reason="invalidField"} 2');
    expect((await fetch(`http://127.0.0.1:${port}/nothing`)).status).toBe(404);

    await agent.stop();
    expect(writer.stopped).toBe(true);
    const inventory = writer.samples.find((s) => s.measurement === 'inventory')!;
    expect(inventory.tags).toEqual({
      device: 'r1',
      kind: 'router',
      criticality: 'Rendah',
      responsibility: 'dinas',
      agency: 'dinkes',
    });
    expect(writer.samples.find((s) => s.measurement === 'probe')!.tags).toEqual({
      device: 'r1',
      kind: 'router',
      agency: 'dinkes',
    });
    const event = writer.samples.find((s) => s.measurement === 'event')!;
    expect(event.tags).toEqual({ device: 'r1', kind: 'router', agency: 'dinkes', type: 'reboot' });
    expect(event.fields).toEqual({ text: 'Perangkat r1 dinyalakan ulang' });
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('reports unhealthy (503) when the writer has a configuration error', async () => {
    const writer = Object.assign(new MemoryWriter(), {
      stats: () => ({ configError: 'InfluxDB answered 401: check influx.token' }),
    });
    const agent = new Agent({ config, collectors: [], writer, logFor: () => silentLogger });
    const { port } = await agent.start();
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { writer: unknown }).writer).toEqual({
      configError: 'InfluxDB answered 401: check influx.token',
    });
    await agent.stop();
  });
});
