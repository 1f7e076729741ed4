import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { replaceSections } from './sections-lib';

/**
 * Runs every benchmark (each dist/bench/<name>.js prints one Markdown section on stdout) one
 * after another, so they do not compete for the 2 cores, and writes docs/benchmarks.md.
 * `npm run bench -- snmp writer-throughput` runs only those and replaces only their sections in
 * the existing docs/benchmarks.md (a benchmark that fails then leaves its old section in place).
 * Files named *-lib.js are helpers.
 */
function main(): void {
  const only = process.argv.slice(2);
  const dir = __dirname;
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.js') && f !== 'run-all.js' && !f.endsWith('-lib.js'))
    .map((f) => f.replace(/\.js$/, ''))
    .filter((n) => only.length === 0 || only.includes(n))
    .sort();
  const sections: string[] = [];
  const fresh: { name: string; text: string }[] = [];
  for (const name of names) {
    console.error(`== bench ${name}`);
    try {
      const out = execFileSync(process.execPath, [join(dir, `${name}.js`)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 * 1024 * 1024,
      });
      sections.push(out.trim());
      fresh.push({ name, text: out.trim() });
      console.log(out.trim() + '\n');
    } catch (err) {
      // A benchmark exits 1 when it misses its goal: its section is kept, the miss stays visible.
      const out = String((err as { stdout?: string }).stdout ?? '').trim();
      const msg = out.startsWith('## ')
        ? `${out}\n\nThis benchmark exited with an error in this run (a goal missed, see above).`
        : `## ${name}\n\nThe benchmark failed in this run: ${(err as Error).message.split('\n')[0]}`;
      sections.push(msg);
      if (out.startsWith('## ')) fresh.push({ name, text: msg });
      console.log(msg);
      process.exitCode = 1;
    }
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const intro = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.sh -> bench/run-all.ts). Each section compares noc',
    'with a peer tool or the physical limit measured in the same run, as ratios.',
    '',
  ].join('\n');
  // Not worded "Last run": that prefix marks one section's own stamp (sections-lib.ts).
  const header = intro + `\nAll sections run together: ${new Date().toISOString()} on ${machine}.\n`;
  const file = join(dir, '..', '..', 'docs', 'benchmarks.md');
  if (only.length === 0) writeFileSync(file, header + '\n' + sections.join('\n\n') + '\n');
  else if (fresh.length) {
    const stamped = fresh.map((f) => ({
      ...f,
      stamp: `Last run of this section: ${new Date().toISOString()} on ${machine} (\`npm run bench -- ${f.name}\`).`,
    }));
    writeFileSync(file, replaceSections(existsSync(file) ? readFileSync(file, 'utf8') : intro, stamped));
  }
}

main();
