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
}

/** Parses YAML text into a validated config, collecting every problem rather than stopping at the first. */
export function parseConfig(text: string, opts: { baseDir: string; env?: NodeJS.ProcessEnv }): LoadResult {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0)
    return {
      problems: doc.errors.map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}` : '(yaml)',
        message: e.message.split('\n')[0],
      })),
    };
  const parsed = configSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) return { problems: zodProblems(parsed.error) };

  const problems = checkConfig(parsed.data);
  const config = resolveSecrets(parsed.data, opts.env ?? process.env, opts.baseDir, problems);
  return problems.length ? { problems } : { config, problems };
}

export function loadConfigFile(file: string, env: NodeJS.ProcessEnv = process.env): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { problems: [{ path: '(file)', message: `cannot read ${file}: ${(err as Error).message}` }] };
  }
  return parseConfig(text, { baseDir: dirname(resolve(file)), env });
}

/** For `noc run`: any problem stops the start. */
export function loadConfigOrThrow(file: string, env: NodeJS.ProcessEnv = process.env): NocConfig {
  const result = loadConfigFile(file, env);
  if (!result.config) throw new ConfigError(file, result.problems);
  return result.config;
}

function zodProblems(error: z.ZodError): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatPath([...issue.path, key]), message: 'unknown key' });
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      out.push({ path: formatPath(issue.path), message: 'required' });
    } else {
      out.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return out;
}
