import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version in package.json, found from both the sources (tests) and dist/ (the built CLI). */
function readVersion(): string {
  for (const up of ['..', '../..']) {
    const file = join(__dirname, up, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

export const VERSION = readVersion();
