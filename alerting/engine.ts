import type { Logger } from '../agent/log';
import type { NocEvent, Sample } from '../agent/sample';
import type { NocConfig } from '../config/load';
import { configWindows, maintenanceCovers, MaintenanceWindow } from './maintenance';
import {
  evaluateError,
  evaluateEvent,
  evaluateSample,
  evaluateSuccess,
  incidentKey,
  resolveRules,
  ruleContext,
  RuleContext,
} from './rules';
import { FlapSettings, initialState, KeyState, observe, tick, Transition } from './state';
import type { AlertStore } from './store';
import { fillTitle } from './text';
import type { Incident, Observation, Rule, Severity } from './types';
import { reconcile } from './reconcile';
import { incidentSample, languageOf, queueMessage } from './view';
import { Topology, topologyOf } from './dependencies';
import { queueNotices } from './notices';

export const UNREACHABLE = 'device-unreachable';

export interface EngineOptions {
  config: NocConfig;
  store: AlertStore;
  /** Connectors in force (id, role, severity filter) for the fan-out of new tickets. */
  connectors: { id: string; role: 'ticket' | 'notify'; severities?: Severity[] }[];
  /** Where incident samples go (the InfluxDB writer). */
  write(samples: Sample[]): void;
  now(): number;
  /** Something was queued in the outbox: deliver now rather than at the next tick. */
  onQueued?(): void;
  log?: Logger;
}

/**
 * Samples -> observations -> key states -> incidents -> outbox. Synchronous: the pipeline calls
 * it inline, every durable change is committed before the call returns, and tick() handles
 * what time alone changes (flapping quiet, event expiry, escalation, holds, maintenance ends).
 */
export class AlertEngine {
  readonly rules: Rule[];
  private readonly byMeasurement = new Map<string, Rule[]>();
  private readonly ctx: RuleContext;
  readonly topo: Topology;
  private readonly flap: FlapSettings;
  private readonly states = new Map<string, KeyState>();
  /** key -> open incident id. */
  private readonly open = new Map<string, string>();
  private windows: MaintenanceWindow[] = [];
  /** "device|collector" with a run of collection errors not yet ended by data. */
  private readonly failing = new Set<string>();

  constructor(private readonly opts: EngineOptions) {
    const a = opts.config.alerting;
    this.rules = resolveRules(a.rules).filter((r) => r.enabled);
    for (const r of this.rules.filter((r) => r.kind === 'threshold'))
      this.byMeasurement.set(r.measurement, [...(this.byMeasurement.get(r.measurement) ?? []), r]);
    this.ctx = ruleContext(opts.config);
    this.topo = topologyOf(opts.config);
    this.flap = { changes: a.flapping.changes, windowMs: a.flapping.windowMinutes * 60_000 };
  }

  /** Picks up where the last run stopped (after a restart or a kill -9). */
  load(): void {
    for (const s of this.opts.store.keyStates()) this.states.set(s.key, s);
    for (const i of this.opts.store.incidents({ open: true })) this.open.set(i.key, i.id);
    // Error rules tell subjects apart by collector (the built-in collection-failing does).
    const errorRules = new Set(this.rules.filter((r) => r.kind === 'error').map((r) => r.id));
    for (const s of this.states.values())
      if (errorRules.has(s.rule) && s.phase !== 'ok') this.failing.add(`${s.device}|${s.subject}`);
    this.refreshWindows();
  }

  refreshWindows(): void {
    const { config, store } = this.opts;
    this.windows = [
      ...configWindows(config.alerting.maintenance, config.organisation.timezone),
      ...store.maintenance(),
    ];
  }

  /** The windows in force as of the last load()/tick() (config plus `noc maintenance add`). */
  maintenanceWindows(): MaintenanceWindow[] {
    return this.windows;
  }

  /** `collector`: which collector produced it (the pipeline says), to end a run of errors. */
  onSample(sample: Sample, collector?: string): void {
    for (const rule of this.byMeasurement.get(sample.measurement) ?? []) {
      const obs = evaluateSample(rule, sample, this.ctx);
      if (obs) this.apply(rule, obs);
    }
    if (collector && this.failing.size) this.collected(sample.tags.device ?? '', collector, sample.time);
  }

  /** Data arrived: the device's collection through `collector` works again. */
  private collected(device: string, collector: string, time: number): void {
    if (!this.failing.delete(`${device}|${collector}`)) return;
    for (const rule of this.rules) {
      const obs = evaluateSuccess(rule, { device, collector }, time, this.ctx);
      if (obs && this.states.has(obs.key)) this.apply(rule, obs);
    }
  }

  onEvent(event: NocEvent): void {
    for (const rule of this.rules) {
      const obs = rule.kind === 'event' ? evaluateEvent(rule, event, this.ctx) : undefined;
      if (obs) this.apply(rule, obs);
    }
  }

  onError(err: Error, where: { device: string; collector: string }): void {
    // A device that is (or may be) down explains its failing polls: the outage is the incident,
    // not "collection failing", which would otherwise be ticketed the moment it comes back.
    if (this.reach(where.device) !== 'up') return;
    this.failing.add(`${where.device}|${where.collector}`);
    for (const rule of this.rules) {
      const obs =
        rule.kind === 'error' ? evaluateError(rule, err, where, this.opts.now(), this.ctx) : undefined;
      if (obs) this.apply(rule, obs);
    }
  }

  private apply(rule: Rule, obs: Observation): void {
    const prev = this.states.get(obs.key) ?? initialState(obs);
    const { state, transitions } = observe(prev, obs, rule, this.flap);
    this.commit(rule, prev, state, transitions, obs);
  }

  private commit(
    rule: Rule,
    prev: KeyState,
    state: KeyState,
    transitions: Transition[],
    obs?: Observation,
  ): void {
    this.states.set(state.key, state);
    const material =
      prev.phase !== state.phase ||
      prev.breaching !== state.breaching ||
      prev.count !== state.count ||
      prev.flapping !== state.flapping ||
      prev.clearSince !== state.clearSince;
    const real = transitions.filter((t) => t.type !== 'value');
    if (!material && real.length === 0) return;
    this.opts.store.transaction(() => {
      this.opts.store.saveKeyState(state);
      for (const t of real) {
        if (t.type === 'fire') this.fire(rule, state, t.since, t.flapping, obs);
        else if (t.type === 'resolve') this.resolve(state.key, t.time);
        else if (t.type === 'flapping') this.markFlapping(state.key);
      }
    });
    if (real.length) this.opts.onQueued?.();
  }

  private fire(rule: Rule, s: KeyState, since: number, flapping: boolean, obs?: Observation): void {
    const { store, config } = this.opts;
    const now = obs?.time ?? this.opts.now();
    const value = obs?.value ?? s.lastValue ?? '';
    const threshold = obs?.threshold ?? s.threshold ?? rule.value;
    const lang = languageOf(config);
    const device = config.devices.find((d) => d.id === s.device);
    const i: Incident = {
      id: store.nextIncidentId(now),
      key: s.key,
      rule: rule.id,
      device: s.device,
      subject: s.subject,
      severity: rule.severity,
      state: 'firing',
      flapping,
      startedAt: since,
      firedAt: now,
      value,
      threshold,
      field: obs?.field ?? s.field ?? rule.fields[0],
      ticketed: false,
      escalationLevel: 0,
      title: fillTitle(
        rule.title[lang],
        { device: device?.name ?? s.device, subject: s.subject, value, threshold },
        lang,
      ),
    };
    store.saveIncident(i);
    store.audit('noc', 'fire', i.id, `${i.key} ${i.field}=${String(value)}`, now);
    this.open.set(s.key, i.id);
    this.opts.write([incidentSample(i, config, now)]);
    this.opts.log?.warn(`incident ${i.id} ${i.title}`, { device: i.device, rule: i.rule });
    this.reconcileOne(i, now);
  }

  private resolve(key: string, time: number): void {
    const { store, config } = this.opts;
    const id = this.open.get(key);
    const i = id ? store.incident(id) : undefined;
    this.open.delete(key);
    if (!i || i.state === 'resolved') return;
    const done: Incident = { ...i, state: 'resolved', resolvedAt: time };
    store.saveIncident(done);
    store.audit('noc', 'resolve', i.id, undefined, time);
    if (done.ticketed) queueMessage(store, done, config, 'close', 'close', time);
    this.opts.write([incidentSample(done, config, time)]);
    this.opts.log?.info(`incident ${i.id} resolved`, { device: i.device, rule: i.rule });
  }

  private markFlapping(key: string): void {
    const { store, config } = this.opts;
    const id = this.open.get(key);
    const i = id ? store.incident(id) : undefined;
    if (!i) return;
    const now = this.opts.now();
    const f: Incident = { ...i, flapping: true };
    store.saveIncident(f);
    const note =
      languageOf(config) === 'id'
        ? 'Kondisi berulang-ulang (flapping); tiket tetap terbuka sampai stabil'
        : 'Flapping; the ticket stays open until stable';
    if (f.ticketed) queueMessage(store, f, config, 'update', 'flapping', now, note);
    this.opts.write([incidentSample(f, config, now)]);
  }

  /** Time-driven changes, then every open incident is reconciled with what it should be. */
  tick(): void {
    const now = this.opts.now();
    this.refreshWindows();
    for (const s of [...this.states.values()]) {
      if (s.phase === 'ok') continue;
      const rule = this.rules.find((r) => r.id === s.rule);
      if (!rule) continue;
      const t = tick(s, now, rule, this.flap);
      if (t.state !== s) this.commit(rule, s, t.state, t.transitions);
    }
    const { store, config } = this.opts;
    let queued = store.transaction(() => queueNotices(store, config, this.windows, now, languageOf(config)));
    for (const i of store.incidents({ open: true }))
      queued += store.transaction(() => this.reconcileOne(i, now));
    if (queued) this.opts.onQueued?.();
  }

  private reconcileOne(i: Incident, now: number): number {
    const { store, config } = this.opts;
    const fresh = store.incident(i.id) ?? i;
    const r = reconcile(fresh, now, {
      config,
      topo: this.topo,
      reach: (d) => this.reach(d),
      openIncidentOf: (d) => this.open.get(incidentKey(d, UNREACHABLE, '')),
      downDevices: () =>
        [...this.states.values()]
          .filter((s) => s.rule === UNREACHABLE && s.phase === 'firing')
          .map((s) => s.device),
      inMaintenance: (d) => {
        const dev = config.devices.find((x) => x.id === d);
        return (
          maintenanceCovers(
            this.windows,
            { device: d, site: dev?.site, agency: dev?.agency },
            now,
            config.organisation.timezone,
          ) !== undefined
        );
      },
      connectors: this.opts.connectors,
    });
    if (!r.changed) return 0;
    store.saveIncident(r.incident);
    let queued = 0;
    for (const m of r.messages)
      queued += queueMessage(store, r.incident, config, m.action, m.step, now, m.note);
    if (r.incident.state === 'acknowledged' && !fresh.ackRecorded) {
      this.opts.write([incidentSample(r.incident, config, r.incident.ackedAt ?? now)]);
    }
    return queued;
  }

  /** What ping says of a device: down (firing), pending (failing, not yet confirmed) or up. */
  private reach(device: string): 'down' | 'pending' | 'up' {
    const s = this.states.get(incidentKey(device, UNREACHABLE, ''));
    return s?.phase === 'firing' ? 'down' : s?.phase === 'pending' ? 'pending' : 'up';
  }

  /** For tests and `noc incidents`: the key states held in memory. */
  keyState(key: string): KeyState | undefined {
    return this.states.get(key);
  }
}
