import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFormats } from '../../../reports/export';
import { verifyReportDir } from '../../../reports/manifest';
import { runReport } from '../../../reports/run';
import { configPath, loadForCommand } from '../config-option';
import { EXIT } from '../exit';

interface ReportOptions {
  config?: string;
  year?: string;
  month?: string;
  from?: string;
  to?: string;
  format: string;
  lang?: string;
  out: string;
}

/** Steps the assembly reports, for the progress bar (sections, then each format). */
const STEPS = { audit: 10, monev: 6 };

export function registerReport(program: Command): void {
  const report = program
    .command('report')
    .description('laporan audit infrastruktur dan ringkasan monev; verifikasi bukti');
  const common = (cmd: Command) =>
    cmd
      .option('-c, --config <file>', 'configuration file (default $NOC_CONFIG or /etc/noc/noc.yaml)')
      .option('--format <list>', 'pdf,xlsx,csv,json', 'pdf,xlsx,csv,json')
      .option('--lang <lang>', 'id | en (default: organisation.language)')
      .requiredOption('--out <dir>', 'output folder (files and MANIFEST.json)');

  common(
    report
      .command('audit')
      .description('Laporan Audit Infrastruktur for a year (or --from/--to dates)')
      .option('--year <yyyy>', 'calendar year, e.g. 2026')
      .option('--from <date>', 'first day, e.g. 2026-01-01, or a local time "2026-01-01 08:00"')
      .option('--to <date>', 'last day (included), e.g. 2026-06-30, or a local time (excluded)'),
  ).action((opts: ReportOptions) => run('audit', opts));

  common(
    report
      .command('monev')
      .description('monthly monev summary')
      .requiredOption('--month <yyyy-mm>', 'e.g. 2026-10'),
  ).action((opts: ReportOptions) => run('monev', opts));

  report
    .command('verify')
    .description('check a report folder against its MANIFEST.json (SHA-256 of every file, Ed25519 signature)')
    .argument('<dir>', 'report folder')
    .option(
      '--public-key <file>',
      "the organisation's public key (PEM); without it the key embedded in the manifest is used",
    )
    .action((dir: string, opts: { publicKey?: string }) => {
      const pem = opts.publicKey ? readFileSync(opts.publicKey, 'utf8') : undefined;
      const result = verifyReportDir(resolve(dir), pem);
      for (const p of result.problems) console.error(`GAGAL ${p}`);
      if (result.ok) {
        const sig = result.signed
          ? pem
            ? 'tanda tangan cocok dengan kunci yang diberikan'
            : 'tanda tangan cocok dengan kunci di manifes (bandingkan sidik kuncinya)'
          : 'tanpa tanda tangan';
        console.log(`OK ${result.files} berkas utuh; ${sig}`);
      } else process.exitCode = EXIT.failed;
    });
}

async function run(kind: 'audit' | 'monev', opts: ReportOptions): Promise<void> {
  const config = loadForCommand(configPath(opts.config));
  if (kind === 'audit' && !opts.year && !(opts.from && opts.to)) {
    console.error('noc report audit: give --year YYYY, or --from and --to');
    process.exit(EXIT.failed);
  }
  const lang = (opts.lang ?? config.organisation.language) as 'id' | 'en';
  if (lang !== 'id' && lang !== 'en') throw new Error(`--lang must be id or en, not "${lang}"`);
  // A bar on a terminal; nothing under cron or in a pipe.
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: 'menyusun laporan [{bar}] {value}/{total} {step}', stream: process.stderr })
    : undefined;
  const formats = parseFormats(opts.format);
  bar?.start(STEPS[kind] + formats.length, 0, { step: '' });
  const { manifest, outDir } = await runReport(config, {
    kind,
    year: opts.year,
    month: opts.month,
    from: opts.from,
    to: opts.to,
    formats,
    lang,
    outDir: resolve(opts.out),
    now: Date.now(),
    progress: (step) => bar?.increment({ step }),
  });
  bar?.stop();
  for (const f of manifest.files) console.log(`${outDir}/${f.path}  sha256:${f.sha256}`);
  console.log(`${outDir}/MANIFEST.json`);
}
