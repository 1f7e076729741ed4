import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..');
const BIN = join(REPO, 'bin', 'noc.js');

/** Runs the built `noc` command (npm test builds it first) and returns what it printed. */
export function noc(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000) {
  if (!existsSync(join(REPO, 'dist', 'agent', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the CLI tests');
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
