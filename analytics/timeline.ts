/**
 * A timeline is a list of segments that tile a period [from, to) without gaps or overlaps, each
 * with one state. Observations (up/down samples) become a timeline; maintenance windows and parent
 * outages relabel parts of it; availability is then a sum of segment lengths per state.
 * Times are Unix milliseconds throughout.
 */
export type State = 'up' | 'down' | 'unknown' | 'maintenance' | 'parent';

export interface Segment {
  from: number;
  to: number;
  state: State;
}

export interface Window {
  from: number;
  to: number;
}

export interface TimelineOptions {
  from: number;
  to: number;
  /** The sample interval the collector polls at (60 s raw, 300 s for 5-minute rollups). */
  intervalMs: number;
  /**
   * A sample stands for the time until the next one only while the gap is at most this many
   * intervals; a longer gap is "tidak terpantau" (unknown) after the first interval.
   */
  maxGapIntervals: number;
}

/** Appends a segment, merging it with the previous one when the state is the same. */
function push(out: Segment[], from: number, to: number, state: State): void {
  if (to <= from) return;
  const last = out[out.length - 1];
  if (last && last.state === state && last.to === from) last.to = to;
  else out.push({ from, to, state });
}

/**
 * Turns sorted observations (time, up) into segments covering [from, to) exactly.
 * Rule (docs/service-levels.md): observation i holds from t_i until t_{i+1} if that gap is at
 * most maxGapIntervals × interval, otherwise for one interval and the rest of the gap is unknown;
 * the last observation holds for one interval; the start of the period before the first
 * observation takes that observation's state if it is at most one interval long, else unknown.
 */
export function buildTimeline(
  times: ArrayLike<number>,
  up: ArrayLike<number | boolean>,
  opts: TimelineOptions,
) {
  const { from, to, intervalMs } = opts;
  const maxGap = intervalMs * opts.maxGapIntervals;
  const out: Segment[] = [];
  const n = times.length;
  let i = 0;
  // Observations before the period only matter if they reach into it.
  while (i + 1 < n && times[i + 1] <= from) i++;
  if (n === 0 || i >= n) {
    push(out, from, to, 'unknown');
    return out;
  }
  let cursor = from;
  const first = times[i];
  if (first > from) {
    if (first - from <= intervalMs) push(out, from, Math.min(first, to), up[i] ? 'up' : 'down');
    else push(out, from, Math.min(first, to), 'unknown');
    cursor = Math.min(first, to);
  }
  for (; i < n && times[i] < to; i++) {
    const t = times[i];
    const next = i + 1 < n ? times[i + 1] : Infinity;
    const state: State = up[i] ? 'up' : 'down';
    const held = next - t <= maxGap ? next : t + intervalMs;
    const start = Math.max(t, cursor);
    const end = Math.min(held, to);
    push(out, start, end, state);
    cursor = Math.max(cursor, end);
    const gapEnd = Math.min(next, to);
    if (gapEnd > cursor) {
      push(out, cursor, gapEnd, 'unknown');
      cursor = gapEnd;
    }
  }
  push(out, cursor, to, 'unknown');
  return out;
}

/**
 * buildTimeline fed one observation at a time (in time order), for a year of 5-minute rollups
 * read chunk by chunk: it keeps the segments and one pending observation, not the 100,000
 * observations per series. Same rule, same result as buildTimeline (property-tested).
 */
export class TimelineBuilder {
  private readonly out: Segment[] = [];
  private cursor: number;
  private prevT: number | undefined;
  private prevUp = false;
  private started = false;
  private readonly maxGap: number;

  constructor(private readonly opts: TimelineOptions) {
    this.cursor = opts.from;
    this.maxGap = opts.intervalMs * opts.maxGapIntervals;
  }

  add(t: number, up: number | boolean): void {
    if (this.prevT !== undefined) {
      // An observation followed by one at or before the start does not reach into the period.
      if (!this.started && t <= this.opts.from) this.prevT = undefined;
      else this.step(t);
    }
    this.prevT = t;
    this.prevUp = Boolean(up);
  }

  finish(): Segment[] {
    if (this.prevT === undefined) push(this.out, this.opts.from, this.opts.to, 'unknown');
    else {
      this.step(Infinity);
      push(this.out, this.cursor, this.opts.to, 'unknown');
    }
    this.prevT = undefined;
    return this.out;
  }

  /** Settles the pending observation now that the next one (or none: Infinity) is known. */
  private step(next: number): void {
    const { from, to, intervalMs } = this.opts;
    const t = this.prevT!;
    const state: State = this.prevUp ? 'up' : 'down';
    if (!this.started) {
      this.started = true;
      if (t > from) {
        push(this.out, from, Math.min(t, to), t - from <= intervalMs ? state : 'unknown');
        this.cursor = Math.min(t, to);
      }
    }
    if (t >= to) return;
    const held = next - t <= this.maxGap ? next : t + intervalMs;
    const end = Math.min(held, to);
    push(this.out, Math.max(t, this.cursor), end, state);
    this.cursor = Math.max(this.cursor, end);
    const gapEnd = Math.min(next, to);
    if (gapEnd > this.cursor) {
      push(this.out, this.cursor, gapEnd, 'unknown');
      this.cursor = gapEnd;
    }
  }
}

/** Sorts and merges overlapping or touching windows. */
export function mergeWindows(windows: Window[]): Window[] {
  const sorted = windows.filter((w) => w.to > w.from).sort((a, b) => a.from - b.from);
  const out: Window[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w.from <= last.to) last.to = Math.max(last.to, w.to);
    else out.push({ ...w });
  }
  return out;
}

/** Relabels the parts of segments in `states` that fall inside any window as `as`. */
export function relabel(segments: Segment[], windows: Window[], states: State[], as: State): Segment[] {
  const merged = mergeWindows(windows);
  const out: Segment[] = [];
  let w = 0;
  for (const seg of segments) {
    if (!states.includes(seg.state)) {
      push(out, seg.from, seg.to, seg.state);
      continue;
    }
    let cursor = seg.from;
    while (w < merged.length && merged[w].to <= cursor) w++;
    for (let k = w; k < merged.length && merged[k].from < seg.to; k++) {
      const a = Math.max(merged[k].from, cursor);
      const b = Math.min(merged[k].to, seg.to);
      if (b <= a) continue;
      push(out, cursor, a, seg.state);
      push(out, a, b, as);
      cursor = b;
    }
    push(out, cursor, seg.to, seg.state);
  }
  return out;
}

/** The windows where a timeline is in one of the given states (e.g. a parent's down time). */
export function windowsOf(segments: Segment[], states: State[]): Window[] {
  return mergeWindows(
    segments.filter((s) => states.includes(s.state)).map((s) => ({ from: s.from, to: s.to })),
  );
}

const severity: Record<State, number> = { up: 0, parent: 1, maintenance: 2, unknown: 3, down: 4 };

/**
 * Combines timelines of the same period into one where the whole is up only when every part is
 * up (a service with several URLs): at each instant the worst state wins (down > unknown >
 * maintenance > parent > up).
 */
export function combineAll(timelines: Segment[][]): Segment[] {
  if (timelines.length === 1) return timelines[0];
  const bounds = new Set<number>();
  for (const tl of timelines) for (const s of tl) bounds.add(s.from).add(s.to);
  const cuts = [...bounds].sort((a, b) => a - b);
  const idx = timelines.map(() => 0);
  const out: Segment[] = [];
  for (let c = 0; c + 1 < cuts.length; c++) {
    const a = cuts[c];
    let worst: State = 'up';
    timelines.forEach((tl, t) => {
      while (idx[t] < tl.length && tl[idx[t]].to <= a) idx[t]++;
      const seg = tl[idx[t]];
      const state: State = seg && seg.from <= a ? seg.state : 'unknown';
      if (severity[state] > severity[worst]) worst = state;
    });
    push(out, a, cuts[c + 1], worst);
  }
  return out;
}

/** The part of a timeline inside [from, to). */
export function slice(segments: Segment[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const a = Math.max(s.from, from);
    const b = Math.min(s.to, to);
    if (b > a) out.push({ from: a, to: b, state: s.state });
  }
  return out;
}
