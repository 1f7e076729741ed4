import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadConfigFile, NocConfig } from '../../config/load';
import { formatProblem } from '../../config/problems';
import { EXIT } from '../../agent/cli/exit';
import { alertingDbFile } from '..';
import { AlertStore } from '../store';

/**
 * Config for the alerting commands (incidents, ack, maintenance). They read and write the
 * incident store only, so an unset secret variable (common in an operator's shell) is no reason
 * to refuse; any other problem is (exit 2, with key paths).
 */
export function loadForAlerting(file: string): NocConfig {
  const { config, problems } = loadConfigFile(file);
  if (!config || problems.length) {
    for (const p of problems) console.error(formatProblem(p));
    console.error(`${file}: ${problems.length} masalah konfigurasi / configuration problem(s)`);
    process.exit(EXIT.invalidConfig);
  }
  return config;
}

/** Opens <dataDir>/alerting.db (creating it: the agent and the CLI share it through WAL). */
export function openStore(config: NocConfig): AlertStore {
  const file = alertingDbFile(config);
  mkdirSync(dirname(file), { recursive: true });
  return AlertStore.open(file);
}
