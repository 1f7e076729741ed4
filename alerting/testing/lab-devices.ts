import { catalystSwitch } from '../../agent/lab/devices/switch';
import { linuxServer } from '../../agent/lab/devices/linux';
import { mikrotikRouter } from '../../agent/lab/devices/mikrotik';
import type { Clock } from '../../agent/lab/devices/common';
import type { DeviceMib } from '../../agent/lab/mib';
import { serveMib, SnmpAgentServer } from '../../agent/lab/snmp-agent';

/**
 * Simulated SNMP devices on given addresses, for the alerting end-to-end tests and bench:
 * started inside a network namespace (`ip netns exec NS node dist/alerting/testing/lab-devices.js
 * SPEC...`) so that cutting the namespace's link makes them stop answering ping and SNMP alike.
 * SPEC is id:kind:address (kind router | switch | server); each serves address:161, v2c,
 * community "demo-lab". Prints "ready" once every device listens; stops on SIGTERM.
 */
const BUILD: Record<string, (clock: Clock, name: string) => DeviceMib> = {
  router: mikrotikRouter,
  switch: catalystSwitch,
  server: linuxServer,
};

async function main(): Promise<void> {
  const t0 = Date.now();
  const clock: Clock = () => (Date.now() - t0) / 1000;
  const agents: SnmpAgentServer[] = [];
  for (const spec of process.argv.slice(2)) {
    const [id, kind, address] = spec.split(':');
    const build = BUILD[kind];
    if (!build) throw new Error(`no simulation for kind ${kind}`);
    agents.push(await serveMib(build(clock, id), { address, port: 161, communities: ['demo-lab'] }));
  }
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void Promise.all(agents.map((a) => a.close())).then(() => process.exit(0));
  });
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
