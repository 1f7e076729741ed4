import { request } from 'node:http';
import { Semaphore } from '../../agent/semaphore';

/**
 * Runs inside the benchmark's namespace: scrapes prometheus-snmp-exporter for every device at
 * the given concurrency, as Prometheus would, and prints one JSON line: wall time and how many
 * SNMP-derived series came back (the exporter's varbinds, minus its own snmp_scrape_* lines).
 * argv: exporterPort module concurrency port...
 */
function scrape(exporterPort: number, module: string, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: exporterPort,
        path: `/snmp?module=${module}&target=${encodeURIComponent(target)}`,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(body)
            : reject(new Error(`HTTP ${res.statusCode}: ${body.slice(0, 200)}`)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function main(): Promise<void> {
  const [exporterPort, module, concurrency, ...ports] = process.argv.slice(2);
  const semaphore = new Semaphore(Number(concurrency));
  let series = 0;
  let errors = 0;
  let firstError = '';
  const t0 = process.hrtime.bigint();
  await Promise.all(
    ports.map((p) =>
      semaphore.run(async () => {
        try {
          const body = await scrape(Number(exporterPort), module, `127.0.0.1:${p}`);
          for (const line of body.split('\n'))
            if (line && !line.startsWith('#') && !line.startsWith('snmp_scrape')) series++;
        } catch (err) {
          errors++;
          firstError ||= (err as Error).message;
        }
      }),
    ),
  );
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ wall, series, errors, firstError }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
