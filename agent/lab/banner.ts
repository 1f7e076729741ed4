import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { RunningDemo } from './demo';

/** What `noc demo` prints once everything is up: where to look, and how to play with the UPS. */
export function demoBanner(
  d: Pick<RunningDemo, 'dir' | 'configFile' | 'influxUrl' | 'influxError' | 'statusUrl' | 'lab' | 'agent'>,
): string[] {
  const rel = shownPath(d.dir);
  const dirArg = rel === '.noc-demo' ? '' : ` --dir ${rel}`;
  const q = (query: string) =>
    `  curl -sG ${d.influxUrl}/query --data-urlencode db=noc --data-urlencode "q=${query}"`;
  const ups = d.lab.devices.find((x) => x.kind === 'ups');
  const lines = ['', 'noc demo: lab berjalan di loopback (Ctrl-C untuk menghentikan semuanya)', ''];
  if (d.influxError) {
    lines.push(
      `InfluxDB      TIDAK BERJALAN: ${d.influxError}`,
      `              Agen tetap berjalan dan menyimpan metrik di spool (${rel}/data);`,
      `              metrik dikirim begitu InfluxDB menjawab di ${d.influxUrl}.`,
    );
  } else {
    lines.push(`InfluxDB      ${d.influxUrl}   (database "noc", data di ${rel}/influxdb)`);
  }
  lines.push(
    d.agent
      ? `Agen          ${d.statusUrl}/healthz   ${d.statusUrl}/metrics   (log: ${rel}/agent.log)`
      : 'Agen          tidak dijalankan (--no-agent)',
    `Konfigurasi   ${rel}/noc.yaml   (periksa: noc validate ${rel}/noc.yaml)`,
    '',
    `Perangkat simulasi (SNMP v2c, community "${d.lab.devices[0]?.community}", alamat 127.0.0.1):`,
    ...d.lab.devices.map(
      (x) => `  ${x.id.padEnd(12)} ${x.kind.padEnd(7)} udp/${String(x.port).padEnd(6)} ${x.name}`,
    ),
    `  coba: snmpbulkwalk -v2c -c ${d.lab.devices[0]?.community} 127.0.0.1:${d.lab.devices[0]?.port} 1.3.6.1.2.1.1`,
    '',
    'Contoh kueri InfluxDB:',
    q('SHOW MEASUREMENTS'),
    q(
      `SELECT last(charge_percent), last(runtime_minutes), last(on_battery) FROM ups WHERE device='${ups?.id}'`,
    ),
    q(
      `SELECT mean(in_bps) FROM interface WHERE device='core-router' AND ifName='ether1' AND time > now() - 10m GROUP BY time(1m)`,
    ),
    '',
  );
  if (ups)
    lines.push(
      'UPS ke baterai / kembali ke listrik PLN:',
      `  noc lab ups battery ${ups.id}${dirArg}`,
      `  noc lab ups normal ${ups.id}${dirArg}`,
      '',
    );
  return lines;
}

/**
 * A path as the banner shows it: relative to the working directory when it lies inside it
 * (".noc-demo", "lab/x"), absolute when the relative form would climb out ("../../tmp/demo1")
 * or cross to another root, so it can be pasted from any directory.
 */
export function shownPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(cwd, path));
  if (rel === '') return '.';
  if (rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return resolve(cwd, path);
  return rel;
}
