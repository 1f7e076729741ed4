import type { Panel } from '@grafana/schema';

/** Grafana's grid is 24 columns wide; rows are 30 px each. */
export const GRID_COLUMNS = 24;

export interface Placed {
  panel: Panel;
  w: number;
  h: number;
}

/**
 * Flows panels left to right and wraps at 24 columns, so a board is written as a list of
 * (panel, width, height) and never by hand-computed coordinates. Ids follow the order.
 */
export function flow(items: Placed[]): Panel[] {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return items.map((item, i) => {
    if (item.w > GRID_COLUMNS) throw new Error(`panel "${item.panel.title}" is wider than the grid`);
    if (x + item.w > GRID_COLUMNS) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const panel: Panel = { ...item.panel, id: i + 1, gridPos: { x, y, w: item.w, h: item.h } };
    x += item.w;
    rowHeight = Math.max(rowHeight, item.h);
    return panel;
  });
}

export function place(panel: Panel, w: number, h: number): Placed {
  return { panel, w, h };
}
