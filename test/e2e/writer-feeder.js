// A process that feeds the compiled writer steadily, for the outage test's `kill -9`.
// Settings come from the environment: FEED_URL, FEED_DB, FEED_DIR (data directory), FEED_FROM
// (first seq), FEED_BASE (time of seq 0, ms), FEED_LIMIT (stop producing after that many). Every 50 ms it writes FEED_STEP
// numbered points, then prints one status line:
//   state <next seq> <durable seq> <spool points> <points written>
// where every seq below <durable seq> is in the spool or in InfluxDB (what kill -9 must not lose).
const path = require('node:path');
const { setInterval } = require('node:timers');
const { stringify } = require('yaml');
const dist = path.join(__dirname, '..', '..', 'dist');
const { parseConfig } = require(path.join(dist, 'config', 'load.js'));
const { createWriter } = require(path.join(dist, 'agent', 'writer', 'index.js'));
const { silentLogger } = require(path.join(dist, 'agent', 'log.js'));

const env = process.env;
const from = Number(env.FEED_FROM || 0);
const limit = Number(env.FEED_LIMIT || Infinity);
const step = Number(env.FEED_STEP || 20);
const base = Number(env.FEED_BASE);
const { config, problems } = parseConfig(
  stringify({
    organisation: { name: 'feeder' },
    agent: { dataDir: env.FEED_DIR },
    influx: { url: env.FEED_URL, database: env.FEED_DB },
  }),
  { baseDir: env.FEED_DIR, env: {} },
);
if (!config) throw new Error(JSON.stringify(problems));
const writer = createWriter(config, () => silentLogger);

let next = from;
writer.start().then(() => {
  setInterval(() => {
    const n = Math.min(step, from + limit - next);
    const samples = [];
    for (let i = 0; i < n; i++, next++)
      samples.push({
        measurement: 'uji',
        tags: { device: 'feeder' },
        fields: { seq: BigInt(next) },
        time: base + next,
      });
    writer.write(samples);
    const s = writer.stats();
    const durable = from + s.pointsAccepted - s.queueDepth;
    process.stdout.write(`state ${next} ${durable} ${s.spoolPoints} ${s.pointsWritten}\n`);
  }, 50);
});
process.on('SIGTERM', () => writer.stop().then(() => process.exit(0)));
