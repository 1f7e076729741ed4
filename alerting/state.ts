import type { Observation, Rule, Scalar } from './types';

/**
 * The per-key state machine, pure: ok -> pending -> firing -> (resolved = back to ok).
 * Acknowledgement lives on the incident, not here: it does not change what the device does.
 *
 * Flapping: every change of the raw condition is remembered for the flapping window. When a
 * firing key would resolve, or a pending key would fire, with `changes` or more changes in the
 * window, the incident is (or becomes) a flapping incident and stays open until the condition
 * has been quiet (clear, no change) for the whole window: one incident, not one per bounce.
 */

export type Phase = 'ok' | 'pending' | 'firing';

export interface KeyState {
  key: string;
  rule: string;
  device: string;
  subject: string;
  phase: Phase;
  /** Start of the current pending/firing episode (the outage start). */
  since?: number;
  /** Consecutive breaching observations. */
  count: number;
  /** The last raw condition seen (true = breaching). */
  breaching: boolean;
  lastSeen: number;
  lastValue?: Scalar;
  threshold?: Scalar;
  field?: string;
  /** Times the raw condition changed, within the flapping window. */
  changes: number[];
  flapping: boolean;
  /** Flapping: when the condition last went clear. */
  clearSince?: number;
}

export interface FlapSettings {
  changes: number;
  windowMs: number;
}

export type Transition =
  | { type: 'fire'; flapping: boolean; since: number }
  | { type: 'resolve'; time: number }
  | { type: 'flapping' }
  | { type: 'value' };

export function initialState(
  obs: Pick<Observation, 'key' | 'rule' | 'device' | 'subject' | 'time'>,
): KeyState {
  return {
    key: obs.key,
    rule: obs.rule,
    device: obs.device,
    subject: obs.subject,
    phase: 'ok',
    count: 0,
    breaching: false,
    lastSeen: obs.time,
    changes: [],
    flapping: false,
  };
}

function recordChange(s: KeyState, breaching: boolean, time: number, flap: FlapSettings): KeyState {
  if (s.breaching === breaching) return s;
  const changes = [...s.changes.filter((t) => t > time - flap.windowMs), time];
  return { ...s, breaching, changes };
}

const isFlapping = (s: KeyState, flap: FlapSettings) => s.changes.length >= flap.changes;

export function observe(
  prev: KeyState,
  obs: Observation,
  rule: Pick<Rule, 'forSeconds' | 'count' | 'clearAfterSeconds'>,
  flap: FlapSettings,
): { state: KeyState; transitions: Transition[] } {
  const transitions: Transition[] = [];
  let s: KeyState = { ...prev, lastSeen: obs.time };
  if (obs.breached === true) {
    s = recordChange(s, true, obs.time, flap);
    s = { ...s, lastValue: obs.value, threshold: obs.threshold, field: obs.field, clearSince: undefined };
    if (s.phase === 'ok') s = { ...s, phase: 'pending', since: obs.time, count: 0 };
    s = { ...s, count: s.count + 1 };
    if (s.phase === 'pending') {
      const held = obs.time - (s.since ?? obs.time) >= rule.forSeconds * 1000;
      if (held && s.count >= rule.count) {
        const flapping = isFlapping(s, flap);
        s = { ...s, phase: 'firing', flapping };
        transitions.push({ type: 'fire', flapping, since: s.since! });
      }
    } else transitions.push({ type: 'value' });
  } else if (obs.breached === false) {
    s = recordChange(s, false, obs.time, flap);
    s = { ...s, count: 0, lastValue: obs.value };
    if (s.phase === 'pending') s = { ...s, phase: 'ok', since: undefined };
    else if (s.phase === 'firing') {
      if (!s.flapping && isFlapping(s, flap)) {
        s = { ...s, flapping: true };
        transitions.push({ type: 'flapping' });
      }
      if (s.flapping) s = { ...s, clearSince: s.clearSince ?? obs.time };
      else {
        s = resolved(s);
        transitions.push({ type: 'resolve', time: obs.time });
      }
    }
  }
  // null: in the hysteresis band, nothing changes.
  const timed = tick(s, obs.time, rule, flap);
  return { state: timed.state, transitions: [...transitions, ...timed.transitions] };
}

function resolved(s: KeyState): KeyState {
  return { ...s, phase: 'ok', since: undefined, count: 0, flapping: false, clearSince: undefined };
}

/**
 * Time passing without observations: a flapping incident that stayed clear for the window
 * resolves; an event/error rule resolves after clearAfterSeconds without a new one.
 */
export function tick(
  s: KeyState,
  now: number,
  rule: Pick<Rule, 'clearAfterSeconds'>,
  flap: FlapSettings,
): { state: KeyState; transitions: Transition[] } {
  if (s.phase === 'firing' && s.flapping && s.clearSince !== undefined && now - s.clearSince >= flap.windowMs)
    return { state: resolved(s), transitions: [{ type: 'resolve', time: s.clearSince }] };
  if (
    rule.clearAfterSeconds !== undefined &&
    s.phase !== 'ok' &&
    now - s.lastSeen >= rule.clearAfterSeconds * 1000
  ) {
    const wasFiring = s.phase === 'firing';
    const next = { ...resolved(s), breaching: false, changes: [] };
    return { state: next, transitions: wasFiring ? [{ type: 'resolve', time: s.lastSeen }] : [] };
  }
  return { state: s, transitions: [] };
}
