import { createInterface } from 'node:readline';
import { loadConfigOrThrow } from '../../config/load';
import { Alerting } from '..';
import { ping } from './lab';

/**
 * A stand-in agent for the kill -9 test (test/e2e/alerting-crash.test.ts): alerting on the
 * configured data directory, fed ping results from stdin ("down core", "up core", "tick").
 * It prints "ready" once started and "done <line>" after each line's deliveries.
 */
async function main(): Promise<void> {
  const config = loadConfigOrThrow(process.argv[2]);
  const alerting = new Alerting({ config, writer: { write: () => undefined } });
  alerting.start();
  await alerting.flush();
  console.log('ready');
  for await (const line of createInterface({ input: process.stdin })) {
    const [what, device] = line.trim().split(/\s+/);
    if (what === 'down' || what === 'up') alerting.onSample(ping(device, what === 'up', Date.now()));
    else if (what === 'tick') alerting.tick();
    await alerting.flush();
    console.log(`done ${line}`);
  }
  await alerting.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
