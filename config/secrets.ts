import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { SecretRef } from './schema/common';
import { Secret } from './secret';
import { ConfigProblem, formatPath } from './problems';

/** The parsed config with every SecretRef turned into a Secret. */
export type Resolved<T> = T extends SecretRef
  ? Secret
  : T extends (infer U)[]
    ? Resolved<U>[]
    : T extends object
      ? { [K in keyof T]: Resolved<T[K]> }
      : T;

const ENV_REF = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/**
 * Replaces every SecretRef in the tree, reading "${ENV}" from env and { file } relative to the
 * config file. A missing variable or unreadable file is a problem at that key path; its value
 * never appears in the message.
 */
export function resolveSecrets<T>(
  tree: T,
  env: NodeJS.ProcessEnv,
  baseDir: string,
  problems: ConfigProblem[],
): Resolved<T> {
  const walk = (node: unknown, path: PropertyKey[]): unknown => {
    if (node instanceof SecretRef) return resolveOne(node, path);
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) out[key] = walk(value, [...path, key]);
      return out;
    }
    return node;
  };

  const resolveOne = (ref: SecretRef, path: PropertyKey[]): Secret => {
    const raw = ref.raw;
    if (typeof raw === 'string') {
      const match = ENV_REF.exec(raw);
      if (!match) return new Secret(raw, 'literal');
      const value = env[match[1]];
      if (value === undefined || value === '')
        problems.push({ path: formatPath(path), message: `environment variable ${match[1]} is not set` });
      return new Secret(value ?? '', raw);
    }
    const file = isAbsolute(raw.file) ? raw.file : resolve(baseDir, raw.file);
    try {
      return new Secret(readFileSync(file, 'utf8').replace(/\r?\n$/, ''), `file:${file}`);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
      problems.push({ path: formatPath(path), message: `cannot read secret file ${file} (${code})` });
      return new Secret('', `file:${file}`);
    }
  };

  return walk(tree, []) as Resolved<T>;
}
