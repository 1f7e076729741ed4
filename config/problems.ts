/** A configuration problem, always tied to the key path that causes it. */
export interface ConfigProblem {
  path: string;
  message: string;
}

/** ['devices', 3, 'snmp', 'auth'] -> "devices[3].snmp.auth" */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

export function formatProblem(p: ConfigProblem): string {
  return `${p.path}: ${p.message}`;
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(`${file}: ${problems.length} configuration problem(s)\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ConfigError';
  }
}
