import { inspect } from 'node:util';

/**
 * A credential read from the environment or a file. It never prints itself: logs, errors,
 * JSON and `noc config show` all see "***". Only the connector that needs it calls reveal().
 */
export class Secret {
  readonly #value: string;
  /** Where it came from, safe to show (e.g. "${SNMP_COMMUNITY}" or "file:/etc/noc/token"). */
  readonly origin: string;

  constructor(value: string, origin: string) {
    this.#value = value;
    this.origin = origin;
  }

  reveal(): string {
    return this.#value;
  }

  toJSON(): string {
    return '***';
  }

  toString(): string {
    return '***';
  }

  [inspect.custom](): string {
    return '***';
  }
}
