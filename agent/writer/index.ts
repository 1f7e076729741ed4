import { join } from 'node:path';
import type { NocConfig } from '../../config/load';
import type { LoggerFactory } from '../log';
import { createBackend } from './backend';
import { Spool } from './spool';
import { InfluxWriter } from './writer';

export { InfluxWriter } from './writer';
export type { WriterStats } from './writer';

/** The agent's InfluxDB writer: the configured back end, batching, and the spool in <dataDir>/spool. */
export function createWriter(config: NocConfig, logFor: LoggerFactory): InfluxWriter {
  const log = logFor('writer');
  const { influx } = config;
  return new InfluxWriter(
    createBackend(influx, log),
    new Spool(join(config.agent.dataDir, 'spool'), influx.spool.maxBytes, log),
    { batchSize: influx.batchSize, flushIntervalMs: influx.flushIntervalMs },
    log,
  );
}
