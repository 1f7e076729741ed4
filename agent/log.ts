import winston from 'winston';
import type { AgentConfig } from '../config/schema';

type LogSettings = AgentConfig['log'];
export type Logger = winston.Logger;
/** Returns the logger of one component ("scheduler", "writer", "snmp"...). */
export type LoggerFactory = (component: string) => Logger;

/**
 * One logger per component, each with its own level (agent.log.components: { snmp: debug }),
 * all writing to the same stream. Secrets print as *** through their toJSON.
 */
export function createLoggerFactory(
  settings: LogSettings,
  stream: NodeJS.WritableStream = process.stderr,
): LoggerFactory {
  const format =
    settings.format === 'json'
      ? winston.format.combine(winston.format.timestamp(), winston.format.json())
      : winston.format.combine(
          winston.format.timestamp({ format: 'HH:mm:ss' }),
          winston.format.printf(({ timestamp, level, message, component, ...rest }) => {
            const extra = Object.keys(rest).length ? ' ' + JSON.stringify(rest) : '';
            return `${String(timestamp)} ${level.padEnd(5)} [${String(component)}] ${String(message)}${extra}`;
          }),
        );
  const loggers = new Map<string, Logger>();
  return (component) => {
    let logger = loggers.get(component);
    if (!logger) {
      logger = winston.createLogger({
        level: settings.components[component] ?? settings.level,
        format,
        defaultMeta: { component },
        transports: [new winston.transports.Stream({ stream })],
      });
      loggers.set(component, logger);
    }
    return logger;
  };
}

/** A logger that discards everything, for tests and one-shot commands that print their own output. */
export const silentLogger: Logger = winston.createLogger({
  silent: true,
  transports: [new winston.transports.Console()],
});
