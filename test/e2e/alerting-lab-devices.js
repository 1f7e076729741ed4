// Simulated SNMP devices on given addresses, for the alerting end-to-end tests: started inside
// the test's network namespace (`ip netns exec NS node alerting-lab-devices.js SPEC...`) so that
// bringing the namespace's link down makes them stop answering ping and SNMP alike.
// SPEC is id:kind:address (kind router | switch | server); each serves on address:161, v2c,
// community "demo-lab". Prints "ready" once every device listens; stops on SIGTERM.
const path = require('node:path');
const dist = path.join(__dirname, '..', '..', 'dist', 'agent', 'lab');
const { serveMib } = require(path.join(dist, 'snmp-agent.js'));
const { mikrotikRouter } = require(path.join(dist, 'devices', 'mikrotik.js'));
const { catalystSwitch } = require(path.join(dist, 'devices', 'switch.js'));
const { linuxServer } = require(path.join(dist, 'devices', 'linux.js'));

const build = { router: mikrotikRouter, switch: catalystSwitch, server: linuxServer };
const t0 = Date.now();
const clock = () => (Date.now() - t0) / 1000;

async function main() {
  const agents = [];
  for (const spec of process.argv.slice(2)) {
    const [id, kind, address] = spec.split(':');
    if (!build[kind]) throw new Error(`no simulation for kind ${kind}`);
    agents.push(await serveMib(build[kind](clock, id), { address, port: 161, communities: ['demo-lab'] }));
  }
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void Promise.all(agents.map((a) => a.close())).then(() => process.exit(0));
  });
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
