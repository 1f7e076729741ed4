import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { checkConfig } from './checks';
import { ConfigError, ConfigProblem, formatPath } from './problems';
import { configSchema, RawConfig } from './schema';
import { Resolved, resolveSecrets } from './secrets';

export type NocConfig = Resolved<RawConfig>;
export type Device = NocConfig['devices'][number];
export type Link = NocConfig['links'][number];
export type Service = NocConfig['services'][number];

export interface LoadResult {
  config?: NocConfig;
  problems: ConfigProblem[];
  /**
   * Secrets that could not be read (variable not set, file missing). `noc run` refuses to start
   * on them; `noc validate` reports them as warnings, because the shell an operator validates in
   * rarely has the service's environment file loaded.
   */
  secretProblems: ConfigProblem[];
}

/** Parses YAML text into a validated config, collecting every problem rather than stopping at the first. */
export function parseConfig(text: string, opts: { baseDir: string; env?: NodeJS.ProcessEnv }): LoadResult {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0)
    return {
      secretProblems: [],
      problems: doc.errors.map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}` : '(yaml)',
        message: e.message.split('\n')[0],
      })),
    };
  const raw: unknown = doc.toJS() ?? {};
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) return { problems: zodProblems(parsed.error, raw), secretProblems: [] };

  const problems = checkConfig(parsed.data);
  const secretProblems: ConfigProblem[] = [];
  const config = resolveSecrets(parsed.data, opts.env ?? process.env, opts.baseDir, secretProblems);
  return problems.length ? { problems, secretProblems } : { config, problems, secretProblems };
}

export function loadConfigFile(file: string, env: NodeJS.ProcessEnv = process.env): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return {
      problems: [{ path: '(file)', message: `cannot read ${file}: ${(err as Error).message}` }],
      secretProblems: [],
    };
  }
  return parseConfig(text, { baseDir: dirname(resolve(file)), env });
}

/** For `noc run`: any problem stops the start. */
export function loadConfigOrThrow(file: string, env: NodeJS.ProcessEnv = process.env): NocConfig {
  const result = loadConfigFile(file, env);
  const problems = [...result.problems, ...result.secretProblems];
  if (!result.config || problems.length) throw new ConfigError(file, problems);
  return result.config;
}

function zodProblems(error: z.ZodError, raw: unknown): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: formatPath([...issue.path, key]), message: 'unknown key' });
    } else if (issue.code !== 'custom' && valueAt(raw, issue.path) === undefined) {
      out.push({ path: formatPath(issue.path), message: 'required' });
    } else {
      out.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
