import type { Sample } from '../agent/sample';
import { HttpPeer } from './testing/http-peer';
import { AlertingLab, labConfig } from './testing/lab';

/**
 * What the end-to-end run against the simulated lab exposed (test/e2e/alerting-lab.test.ts):
 * "collection failing" counted errors across successful polls and across outages, so a device
 * that had been down got a "collection failing" ticket after it came back. Here with a fake
 * clock: errors count only in a row, only while the device answers ping, and data ends them.
 */
describe('collection-failing: errors in a row, on a reachable device', () => {
  let peer: HttpPeer;
  let lab: AlertingLab;
  const events = () =>
    peer.requests.map((r) => {
      const b = r.json as { event: string; incident: { device: string; rule: string } };
      return `${b.event}:${b.incident.device}:${b.incident.rule}`;
    });
  const timeout = () => new Error('SNMPv2c 127.0.0.1:161: no answer within 1 s × 1 tries');
  const fail = (device: string) => lab.alerting.onError(timeout(), { device, collector: 'snmp' });
  const data = (device: string): Sample => ({
    measurement: 'system',
    tags: { device },
    fields: { uptime_seconds: 1000 },
    time: lab.t,
  });
  const step = async (seconds: number, fn: () => void = () => undefined) => {
    lab.at(seconds);
    fn();
    lab.alerting.tick();
    await lab.alerting.flush();
  };

  beforeEach(async () => {
    peer = new HttpPeer();
    await peer.start();
    peer.handler = (r) =>
      (r.json as { event?: string })?.event === 'open'
        ? { status: 201, body: { id: 7 } }
        : { status: 200, body: {} };
    lab = new AlertingLab(labConfig(peer.url, { dependencyHoldSeconds: 0 })).start();
  });
  afterEach(async () => {
    await lab.cleanup();
    await peer.stop();
  });

  it('two errors, data, one error: not three in a row, no incident', async () => {
    await step(0, () => fail('core'));
    await step(60, () => fail('core'));
    await step(60, () => lab.alerting.onSample(data('core'), 'snmp'));
    await step(60, () => fail('core'));
    expect(lab.alerting.incidentStore!.incidents()).toEqual([]);
    expect(peer.requests).toEqual([]);
  });

  it('data through another collector does not end a run of SNMP errors', async () => {
    await step(0, () => fail('core'));
    await step(60, () => lab.alerting.onSample(data('core'), 'ping'));
    await step(60, () => fail('core'));
    await step(60, () => fail('core'));
    expect(events()).toEqual(['open:core:collection-failing']);
  });

  it('three errors in a row: a ticket; data again: closed at once, not after 10 quiet minutes', async () => {
    await step(0, () => fail('core'));
    await step(60, () => fail('core'));
    await step(60, () => fail('core'));
    expect(events()).toEqual(['open:core:collection-failing']);
    await step(60, () => lab.alerting.onSample(data('core'), 'snmp'));
    expect(events()).toEqual(['open:core:collection-failing', 'close:core:collection-failing']);
    expect(
      (peer.requests[1].json as { incident: { durationSeconds: number } }).incident.durationSeconds,
    ).toBe(180);
  });

  it('a device down for minutes: one unreachable ticket; after it answers again, no collection-failing ticket', async () => {
    // The SNMP timeout comes first, then ping confirms the outage; polls keep failing meanwhile.
    await step(0, () => fail('core'));
    await step(5, () => lab.alerting.onSample(lab.down('core')(lab.t), 'ping'));
    await step(30, () => lab.alerting.onSample(lab.down('core')(lab.t), 'ping'));
    for (let i = 0; i < 5; i++) await step(60, () => fail('core'));
    expect(events()).toEqual(['open:core:device-unreachable']);
    await step(30, () => lab.alerting.onSample(lab.up('core')(lab.t), 'ping'));
    // Ping is back before the next SNMP poll: the tick in between must not ticket anything.
    await step(20);
    await step(10, () => lab.alerting.onSample(data('core'), 'snmp'));
    await step(600);
    expect(events()).toEqual(['open:core:device-unreachable', 'close:core:device-unreachable']);
    expect(lab.alerting.incidentStore!.incidents({ open: true })).toEqual([]);
  });

  it('another incident while ping is failing but not yet confirmed waits: the outage then suppresses it', async () => {
    const onBattery = (): Sample => ({
      measurement: 'ups',
      tags: { device: 'core' },
      fields: { on_battery: true },
      time: lab.t,
    });
    await step(0, () => lab.alerting.onSample(lab.down('core')(lab.t), 'ping'));
    await step(1, () => lab.alerting.onSample(onBattery(), 'snmp'));
    expect(peer.requests).toEqual([]);
    await step(30, () => lab.alerting.onSample(lab.down('core')(lab.t), 'ping'));
    expect(events()).toEqual(['open:core:device-unreachable']);
    const ups = lab.alerting.incidentStore!.incidents().find((i) => i.rule === 'ups-on-battery');
    expect(ups).toMatchObject({ suppressed: 'device-down', ticketed: false });
  });

  it('ping failing once then fine: the waiting incident gets its ticket', async () => {
    const onBattery = (): Sample => ({
      measurement: 'ups',
      tags: { device: 'core' },
      fields: { on_battery: true },
      time: lab.t,
    });
    await step(0, () => lab.alerting.onSample(lab.down('core')(lab.t), 'ping'));
    await step(1, () => lab.alerting.onSample(onBattery(), 'snmp'));
    expect(peer.requests).toEqual([]);
    await step(30, () => lab.alerting.onSample(lab.up('core')(lab.t), 'ping'));
    expect(events()).toEqual(['open:core:ups-on-battery']);
  });
});
