import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IF_COLUMNS } from '../collectors/snmp/interfaces';
import {
  COMMUNITY,
  cpuSecondsOf,
  createNamespace,
  deleteNamespace,
  startSnmpd,
  stop,
  waitForPorts,
} from './snmp/lab';

/**
 * Full interface poll of many devices × 48 interfaces (+ lo) served by real snmpd instances in
 * a private network namespace: noc's SNMP collector, net-snmp's snmpbulkwalk (C) doing the
 * same walks, and prometheus-snmp-exporter (Go) scraping the same columns, all at the same
 * concurrency, one after another. Prints one Markdown section (bench/run-all.ts collects it).
 * argv: [devices] [concurrency]
 */

const DEVICES = Number(process.argv[2] ?? 500);
const CONCURRENCY = Number(process.argv[3] ?? 64);
const SNMPD_PROCESSES = 4;
const VETH_PAIRS = 24;
const BASE_PORT = 20000;
const COLUMNS = Object.values(IF_COLUMNS);

interface Row {
  name: string;
  wall: number;
  cpu: number;
  varbinds: number;
  agentCpu: number;
  note: string;
}

function inNs(ns: string, cmd: string, args: string[]): string {
  return execFileSync('ip', ['netns', 'exec', ns, cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

function exporterConfig(): string {
  const lines = [
    'if_noc:',
    '  version: 2',
    '  max_repetitions: 25',
    '  retries: 1',
    '  timeout: 10s',
    '  auth:',
    `    community: ${COMMUNITY}`,
    '  walk:',
  ];
  for (const oid of COLUMNS) lines.push(`  - ${oid}`);
  lines.push('  metrics:');
  for (const [name, oid] of Object.entries(IF_COLUMNS)) {
    const type = /Descr|Name|Alias/.test(name)
      ? 'DisplayString'
      : /Octets|Pkts|Errors|Discards/.test(name)
        ? 'counter'
        : 'gauge';
    lines.push(
      `  - name: ${name}`,
      `    oid: ${oid}`,
      `    type: ${type}`,
      '    indexes:',
      '    - labelname: ifIndex',
      '      type: gauge',
    );
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const ns = `noc-bench-${process.pid}`;
  const dir = mkdtempSync(join(tmpdir(), 'noc-bench-snmp-'));
  const ports = Array.from({ length: DEVICES }, (_, i) => BASE_PORT + i);
  const agents: ChildProcess[] = [];
  let exporter: ChildProcess | undefined;
  const rows: Row[] = [];
  const agentCpu = () => agents.reduce((sum, a) => sum + cpuSecondsOf(a.pid!), 0);
  try {
    createNamespace(ns, VETH_PAIRS);
    for (let k = 0; k < SNMPD_PROCESSES; k++)
      agents.push(
        startSnmpd(
          ns,
          dir,
          `snmpd${k}`,
          ports.filter((_, i) => i % SNMPD_PROCESSES === k),
        ),
      );
    await waitForPorts(ns, ports);
    const ifRows = inNs(ns, 'snmpbulkwalk', [
      '-v2c',
      '-c',
      COMMUNITY,
      '-On',
      `127.0.0.1:${BASE_PORT}`,
      IF_COLUMNS.ifDescr,
    ])
      .trim()
      .split('\n').length;

    // noc rounds and exporter scrapes alternate, so a busy moment on the machine does not
    // land on one side only.
    const worker = spawn(
      'ip',
      [
        'netns',
        'exec',
        ns,
        process.execPath,
        join(__dirname, 'snmp', 'poll-worker.js'),
        COMMUNITY,
        String(CONCURRENCY),
        ...ports.map(String),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const workerLines = createInterface({ input: worker.stdout! })[Symbol.asyncIterator]();
    const exporterBin = findExporter();
    let exporterPort = 0;
    if (exporterBin) {
      const conf = join(dir, 'snmp.yml');
      writeFileSync(conf, exporterConfig());
      exporterPort = 9116;
      exporter = spawn(
        'ip',
        [
          'netns',
          'exec',
          ns,
          exporterBin,
          `--config.file=${conf}`,
          `--web.listen-address=127.0.0.1:${exporterPort}`,
          '--log.level=error',
        ],
        { stdio: 'ignore' },
      );
      await waitHttp(ns, exporterPort);
    }
    for (const round of ['first', 'second']) {
      let a0 = agentCpu();
      worker.stdin!.write('go\n');
      const line = await workerLines.next();
      if (line.done) throw new Error('poll worker ended early');
      const r = JSON.parse(line.value as string) as {
        wall: number;
        cpu: number;
        varbinds: number;
        requests: number;
        interfaces: number;
        errors: number;
      };
      rows.push({
        name: round === 'first' ? 'noc (first poll, sessions opened)' : 'noc (next polls, sessions reused)',
        wall: r.wall,
        cpu: r.cpu,
        varbinds: r.varbinds,
        agentCpu: agentCpu() - a0,
        note: `${r.interfaces} interface samples, ${r.requests} requests, ${r.errors} errors`,
      });
      if (exporter) {
        a0 = agentCpu();
        const c0 = cpuSecondsOf(exporter.pid!);
        const out = JSON.parse(
          inNs(ns, process.execPath, [
            join(__dirname, 'snmp', 'scrape-worker.js'),
            String(exporterPort),
            'if_noc',
            String(CONCURRENCY),
            ...ports.map(String),
          ]),
        ) as { wall: number; series: number; errors: number; firstError: string };
        rows.push({
          name: `prometheus-snmp-exporter (Go, ${round} scrape)`,
          wall: out.wall,
          cpu: cpuSecondsOf(exporter.pid!) - c0,
          varbinds: out.series,
          agentCpu: agentCpu() - a0,
          note: `${out.errors} errors${out.firstError ? ': ' + out.firstError : ''}`,
        });
      }
    }
    worker.stdin!.end();
    await new Promise((r) => worker.once('exit', r));

    // snmpbulkwalk: the same 20 columns for every device, 64 processes at a time (bash `time` counts the children).
    const a0 = agentCpu();
    // One snmpbulkwalk per device and column (it walks one OID per run).
    const jobs = join(dir, 'bulkwalk-jobs');
    writeFileSync(jobs, ports.flatMap((p) => COLUMNS.map((c) => `127.0.0.1:${p} ${c}`)).join('\n') + '\n');
    const script = `TIMEFORMAT='%R %U %S'; time (xargs -P ${CONCURRENCY} -L 1 snmpbulkwalk -v2c -c ${COMMUNITY} -Cr25 -On -Oq < ${jobs} | wc -l)`;
    const bw = spawnCapture('ip', ['netns', 'exec', ns, 'bash', '-c', script]);
    const [bwWall, bwUser, bwSys] = bw.stderr.trim().split('\n').pop()!.split(' ').map(Number);
    rows.push({
      name: 'snmpbulkwalk (net-snmp, C)',
      wall: bwWall,
      cpu: bwUser + bwSys,
      varbinds: Number(bw.stdout.trim()),
      agentCpu: agentCpu() - a0,
      note: `one process per device and column (${DEVICES * COLUMNS.length} runs)`,
    });
    console.log(report(rows, ifRows));
  } finally {
    if (exporter) await stop(exporter);
    await Promise.all(agents.map(stop));
    deleteNamespace(ns);
    rmSync(dir, { recursive: true, force: true });
  }
}

function spawnCapture(cmd: string, args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr.slice(-300)}`);
  return r;
}

function findExporter(): string | undefined {
  try {
    return (
      execFileSync('sh', ['-c', 'command -v prometheus-snmp-exporter'], { encoding: 'utf8' }).trim() ||
      undefined
    );
  } catch {
    return undefined;
  }
}

async function waitHttp(ns: string, port: number): Promise<void> {
  for (let i = 0; i < 60; i++) {
    try {
      inNs(ns, 'curl', ['-sf', '-o', '/dev/null', `http://127.0.0.1:${port}/`]);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error('prometheus-snmp-exporter did not start');
}

function report(rows: Row[], ifRows: number): string {
  const noc = rows.find((r) => r.name.startsWith('noc (next'))!;
  const fmt = (n: number, d = 2) => n.toFixed(d);
  const lines = [
    '## snmp-poll: full interface poll',
    '',
    `${DEVICES} devices × ${ifRows} interfaces (lo + ${VETH_PAIRS * 2} veth ends) served by ${SNMPD_PROCESSES} snmpd processes in a private network namespace, ${COLUMNS.length} IF-MIB columns per device (ifTable + ifXTable), concurrency ${CONCURRENCY}, max-repetitions 25. Wall time and CPU seconds of the poller itself (snmpd's own CPU in its column); ratios are the peer's value divided by noc's steady-state (next polls) value.`,
    '',
    '| poller | wall s | CPU s | varbinds | varbinds/s | wall vs noc | CPU vs noc | snmpd CPU s | notes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.name} | ${fmt(r.wall)} | ${fmt(r.cpu)} | ${r.varbinds} | ${Math.round(r.varbinds / r.wall)} | ${fmt(r.wall / noc.wall)} | ${fmt(r.cpu / noc.cpu)} | ${fmt(r.agentCpu)} | ${r.note} |`,
    );
  const exp = rows.filter((r) => r.name.startsWith('prometheus'));
  if (exp.length) {
    const wall = exp.reduce((a, r) => a + r.wall, 0) / exp.length;
    const cpu = exp.reduce((a, r) => a + r.cpu, 0) / exp.length;
    lines.push(
      '',
      `Goals (issue 3): ${DEVICES} devices in ${fmt(noc.wall, 1)} s of a 60 s interval; noc's wall time ${fmt(noc.wall / wall)}× and CPU ${fmt(noc.cpu / cpu)}× snmp_exporter's (mean of its two scrapes; goals ≤ 1× and ≤ 2×).`,
      'The peers run interleaved (noc, exporter, noc, exporter) so a busy moment on a shared machine does not land on one side only. snmpbulkwalk walks one OID per run, so it needs one process per device and column; that is most of its CPU.',
    );
  }
  return lines.join('\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
