import { existsSync } from 'node:fs';
import type { NocConfig } from '../config/load';
import { alertingDbFile } from '.';
import { configWindows, MaintenanceWindow } from './maintenance';
import { AlertStore } from './store';

/**
 * Every maintenance window in force: the configured ones plus those added with
 * `noc maintenance add` (kept in <dataDir>/alerting.db). For availability and reports, which
 * exclude them with maintenanceCovers(); an agent that never ran has only the configured ones.
 */
export function allMaintenanceWindows(config: NocConfig): MaintenanceWindow[] {
  const fromConfig = configWindows(config.alerting.maintenance, config.organisation.timezone);
  const file = alertingDbFile(config);
  if (!existsSync(file)) return fromConfig;
  const store = AlertStore.open(file);
  try {
    return [...fromConfig, ...store.maintenance()];
  } finally {
    store.close();
  }
}
