import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NocConfig } from '../config/load';
import { buildDashboards, provisioningFiles } from './index';

/**
 * Writes every dashboard as JSON (dashboards/<uid>.json) and the provisioning files under DIR,
 * laid out as Grafana's provisioning folder expects. Returns the relative paths written.
 */
export function exportDashboards(config: NocConfig, outDir: string, lang: 'id' | 'en'): string[] {
  const files: Record<string, string> = { ...provisioningFiles(config) };
  for (const [name, board] of Object.entries(buildDashboards({ config, lang })))
    files[`dashboards/${name}.json`] = JSON.stringify(board, null, 2) + '\n';
  for (const [rel, text] of Object.entries(files)) {
    const path = join(outDir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return Object.keys(files).sort();
}
