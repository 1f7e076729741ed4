import { initialState, KeyState, observe, tick, Transition } from './state';
import type { Observation } from './types';

const flap = { changes: 4, windowMs: 30 * 60_000 };
const at = (seconds: number, breached: boolean | null, value: number | boolean = 0): Observation => ({
  key: 'r1|device-unreachable|',
  rule: 'device-unreachable',
  device: 'r1',
  subject: '',
  time: seconds * 1000,
  breached,
  value,
  threshold: false,
  field: 'up',
});

/** Feeds observations in order and collects every transition with its time. */
function run(seq: Observation[], rule = { forSeconds: 0, count: 1 }) {
  let s: KeyState = initialState(seq[0]);
  const out: (Transition & { at: number })[] = [];
  for (const obs of seq) {
    const r = observe(s, obs, rule, flap);
    s = r.state;
    out.push(...r.transitions.filter((t) => t.type !== 'value').map((t) => ({ ...t, at: obs.time / 1000 })));
  }
  return { state: s, transitions: out };
}

describe('incident state machine (fake clock)', () => {
  it('pending until both the `for` duration and the sample count hold, then firing once', () => {
    const { transitions, state } = run(
      [at(0, true), at(30, true), at(60, true), at(90, true), at(120, true)],
      { forSeconds: 60, count: 2 },
    );
    expect(transitions).toEqual([{ type: 'fire', flapping: false, since: 0, at: 60 }]);
    expect(state.phase).toBe('firing');
  });

  it('a blip shorter than `for` never fires', () => {
    const { transitions, state } = run([at(0, true), at(30, false), at(60, true), at(90, false)], {
      forSeconds: 60,
      count: 1,
    });
    expect(transitions).toEqual([]);
    expect(state.phase).toBe('ok');
  });

  it('resolves on the first clear sample, with its time', () => {
    const { transitions } = run([at(0, true), at(30, true), at(60, false)], { forSeconds: 0, count: 2 });
    expect(transitions).toEqual([
      { type: 'fire', flapping: false, since: 0, at: 30 },
      { type: 'resolve', time: 60_000, at: 60 },
    ]);
  });

  it('hysteresis: values in the band neither fire nor resolve', () => {
    const { transitions, state } = run([at(0, true), at(10, null), at(20, null), at(30, false)]);
    expect(transitions.map((t) => `${t.type}@${t.at}`)).toEqual(['fire@0', 'resolve@30']);
    expect(state.phase).toBe('ok');
    // From ok, a band value does not start pending either.
    expect(run([at(0, null), at(10, null)]).transitions).toEqual([]);
  });

  it('flapping: 20 changes in the window make 2 incidents, the second one flapping and open until quiet', () => {
    const seq = Array.from({ length: 20 }, (_, i) => at(i * 60, i % 2 === 0));
    const { transitions, state } = run(seq);
    // down, up (resolve), down (fire), up -> 4th change: flapping, stays open.
    expect(transitions.map((t) => `${t.type}@${t.at}`)).toEqual([
      'fire@0',
      'resolve@60',
      'fire@120',
      'flapping@180',
    ]);
    expect(state).toMatchObject({ phase: 'firing', flapping: true });
    // Quiet (clear) for the whole window after the last clear sample at 1140 s: resolves then.
    const last = 1140 * 1000;
    expect(tick(state, last + flap.windowMs - 1, {}, flap).transitions).toEqual([]);
    const quiet = tick(state, last + flap.windowMs, {}, flap);
    expect(quiet.transitions).toEqual([{ type: 'resolve', time: last }]);
    expect(quiet.state).toMatchObject({ phase: 'ok', flapping: false });
  });

  it('a key that keeps flapping opens its next incident as flapping', () => {
    const seq = [at(0, true), at(10, false), at(20, true), at(30, false), at(40, true), at(50, true)];
    const { transitions } = run(seq, { forSeconds: 0, count: 2 });
    // Count 2: only 40+50 hold long enough; by then 5 changes are in the window.
    expect(transitions).toEqual([{ type: 'fire', flapping: true, since: 40_000, at: 50 }]);
  });

  it('event/error rules resolve after clearAfterSeconds without a new observation', () => {
    const first = run([at(0, true)]).state;
    expect(tick(first, 3_599_000, { clearAfterSeconds: 3600 }, flap).transitions).toEqual([]);
    const t = tick(first, 3_600_000, { clearAfterSeconds: 3600 }, flap);
    expect(t.transitions).toEqual([{ type: 'resolve', time: 0 }]);
    expect(t.state.phase).toBe('ok');
  });
});
