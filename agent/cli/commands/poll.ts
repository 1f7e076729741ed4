import type { Command } from 'commander';
import { stringify } from 'yaml';
import { createCollectors } from '../../../collectors/registry';
import type { Sink } from '../../../collectors/contract';
import { NocConfig, parseConfig } from '../../../config/load';
import { formatProblem } from '../../../config/problems';
import { silentLogger } from '../../log';
import { eventToSample, Sample } from '../../sample';
import { collectWithDeadline } from '../../scheduler';
import { configPath, loadForCommand } from '../config-option';
import { EXIT } from '../exit';
import { samplesTable, samplesToJson } from '../format';

interface PollOptions {
  config?: string;
  target?: string;
  community?: string;
  snmpVersion: string;
  v3User?: string;
  authProtocol: string;
  authKey?: string;
  privProtocol: string;
  privKey?: string;
  kind: string;
  collector?: string;
  format: string;
}

export function registerPoll(program: Command): void {
  program
    .command('poll')
    .description(
      'poll one device once and print the normalized samples (configured device or ad-hoc --target)',
    )
    .argument('[device]', 'device id from the configuration')
    .option('-c, --config <file>', 'configuration file (default $NOC_CONFIG or /etc/noc/noc.yaml)')
    .option('--target <host[:port]>', 'ad-hoc SNMP target, to try a device before adding it')
    .option('--community <c>', 'SNMP community for --target')
    .option('--snmp-version <v>', '1 | 2c | 3', '2c')
    .option('--v3-user <name>', 'SNMPv3 user')
    .option('--auth-protocol <p>', 'SNMPv3 auth: md5|sha|sha256|sha512', 'sha')
    .option('--auth-key <key>', 'SNMPv3 auth key')
    .option('--priv-protocol <p>', 'SNMPv3 privacy: des|aes', 'aes')
    .option('--priv-key <key>', 'SNMPv3 privacy key')
    .option('--kind <kind>', 'device kind for --target', 'other')
    .option('--collector <names>', 'only these collectors (comma-separated)')
    .option('--format <f>', 'table | json', 'table')
    .action(async (deviceId: string | undefined, opts: PollOptions) => {
      const { config, device } = opts.target ? adHocConfig(opts) : configured(deviceId, opts);
      const only = opts.collector?.split(',').map((s) => s.trim());
      const samples: Sample[] = [];
      const errors: string[] = [];
      const sink: Sink = {
        sample: (s) => samples.push(s),
        event: (e) => samples.push(eventToSample(e)),
        error: (err, where) => errors.push(`${where.collector}: ${err.message}`),
      };
      const collectors = createCollectors().filter((c) => !only || only.includes(c.name));
      let polled = 0;
      for (const collector of collectors) {
        for (const target of collector.targets(config).filter((t) => t.device === device)) {
          polled++;
          try {
            await collectWithDeadline(collector, target, sink, {
              config,
              now: Date.now,
              logFor: () => silentLogger,
            });
          } catch (err) {
            sink.error(err as Error, { device, collector: collector.name });
          }
        }
        await collector.close?.();
      }
      if (polled === 0) {
        console.error(
          `noc poll: no collector has anything to poll on "${device}" (check its snmp/routeros/ping settings)`,
        );
        process.exitCode = EXIT.failed;
        return;
      }
      console.log(opts.format === 'json' ? samplesToJson(samples) : samplesTable(samples));
      for (const e of errors) console.error(`galat ${device} ${e}`);
      // Any collector that failed on the device makes the poll a failure, even when others answered.
      if (errors.length) process.exitCode = EXIT.failed;
    });
}

function configured(deviceId: string | undefined, opts: PollOptions): { config: NocConfig; device: string } {
  if (!deviceId) {
    console.error('noc poll: name a configured device, or use --target HOST for an ad-hoc poll');
    process.exit(EXIT.failed);
  }
  const config = loadForCommand(configPath(opts.config));
  const known = config.devices.some((d) => d.id === deviceId) || deviceId === 'noc-server';
  if (!known) {
    console.error(`noc poll: device "${deviceId}" is not in the configuration`);
    process.exit(EXIT.failed);
  }
  return { config, device: deviceId };
}

/** Builds a one-device configuration from the command line and validates it like a file. */
function adHocConfig(opts: PollOptions): { config: NocConfig; device: string } {
  const [host, port] = opts.target!.split(/:(?=\d+$)/);
  const snmp: Record<string, unknown> = { version: opts.snmpVersion, port: port ? Number(port) : 161 };
  if (opts.snmpVersion === '3') {
    snmp.auth = {
      username: opts.v3User,
      authProtocol: opts.authProtocol,
      authKey: opts.authKey,
      privProtocol: opts.privProtocol,
      privKey: opts.privKey,
      level: opts.privKey ? 'authPriv' : opts.authKey ? 'authNoPriv' : 'noAuthNoPriv',
    };
  } else snmp.community = opts.community ?? 'public';
  const raw = {
    organisation: { name: 'ad-hoc' },
    agent: { host: { enabled: false } },
    devices: [{ id: 'adhoc', kind: opts.kind, address: host, snmp, ping: { enabled: false } }],
  };
  const { config, problems } = parseConfig(stringify(raw), { baseDir: process.cwd(), env: {} });
  if (!config) {
    for (const p of problems) console.error(formatProblem(p).replace('devices[0].', '--'));
    process.exit(EXIT.invalidConfig);
  }
  return { config, device: 'adhoc' };
}
