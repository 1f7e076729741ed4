import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dashboard, Panel } from '@grafana/schema';
import { loadConfigFile } from '../config/load';
import { UIDS } from './board';
import { buildDashboards } from './index';
import { GRID_COLUMNS } from './layout';
import { DATASOURCE } from './query';

const example = join(__dirname, '..', 'config', 'noc.example.yaml');
const config = loadConfigFile(example).config!;
const boards = { id: buildDashboards({ config, lang: 'id' }), en: buildDashboards({ config, lang: 'en' }) };
const panelsOf = (d: Dashboard) => (d.panels ?? []) as Panel[];

describe('dashboards as code', () => {
  it('ships the seven boards with stable, unique uids', () => {
    expect(Object.values(boards.id).map((d) => d.uid)).toEqual(Object.values(UIDS));
    expect(Object.values(boards.en).map((d) => d.uid)).toEqual(Object.values(UIDS));
    expect(new Set(Object.values(UIDS)).size).toBe(7);
  });

  it('titles are Indonesian by default and English on request', () => {
    expect(boards.id['noc-wallboard'].title).toBe('NOC — Papan Pantau');
    expect(boards.en['noc-wallboard'].title).toBe('NOC — Wallboard');
    expect(boards.id['noc-power'].title).toBe('UPS dan Catu Daya');
    expect(boards.en['noc-availability'].title).toBe('Availability and SLA');
  });

  it.each(Object.keys(boards.id))(
    '%s: every panel has the data source, a unit and at least one query',
    (name) => {
      for (const panel of panelsOf(boards.id[name])) {
        expect(panel.datasource).toEqual(DATASOURCE);
        expect(panel.fieldConfig?.defaults.unit).toBeTruthy();
        expect(panel.targets?.length).toBeGreaterThan(0);
        for (const t of panel.targets ?? [])
          expect(t).toMatchObject({ datasource: DATASOURCE, rawQuery: true });
      }
    },
  );

  it.each(Object.keys(boards.id))(
    '%s: the grid fits 24 columns without overlap and ids are unique',
    (name) => {
      const panels = panelsOf(boards.id[name]);
      const cells = new Set<string>();
      for (const p of panels) {
        const g = p.gridPos!;
        expect(g.x + g.w).toBeLessThanOrEqual(GRID_COLUMNS);
        for (let x = g.x; x < g.x + g.w; x++)
          for (let y = g.y; y < g.y + g.h; y++) {
            const cell = `${x},${y}`;
            expect(cells.has(cell)).toBe(false);
            cells.add(cell);
          }
      }
      expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    },
  );

  it('the wallboard needs no scrolling at 1920×1080 (30 px rows + 8 px margins), refreshes and is dark', () => {
    const board = boards.id['noc-wallboard'];
    const bottom = Math.max(...panelsOf(board).map((p) => p.gridPos!.y + p.gridPos!.h));
    expect(bottom * 38 - 8).toBeLessThanOrEqual(1080);
    expect(board.refresh).toBe('30s');
    expect((board as { style?: string }).style).toBe('dark');
  });

  it('draws each configured committed rate as a threshold at its contracted bits per second', () => {
    const panel = panelsOf(boards.id['noc-interfaces'])[0];
    const overrides = panel.fieldConfig!.overrides;
    const withRate = config.links.filter((l) => l.committedRate);
    expect(overrides).toHaveLength(withRate.length);
    const first = withRate[0];
    const override = overrides.find((o) =>
      new RegExp(o.matcher.options as string).test(`${first.id} masuk`),
    )!;
    const thresholds = override.properties.find((p) => p.id === 'thresholds')!.value as {
      steps: { value: number | null }[];
    };
    expect(thresholds.steps[1].value).toBe(first.committedRate!.mbps * 1e6);
  });

  it('the committed JSON in dashboards/generated is what the code builds from the example configuration', () => {
    for (const [name, board] of Object.entries(boards.id)) {
      const committed = readFileSync(join(__dirname, 'generated', 'dashboards', `${name}.json`), 'utf8');
      expect(JSON.parse(committed)).toEqual(JSON.parse(JSON.stringify(board)));
    }
  });
});
