import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NocConfig } from '../../config/load';
import type { Collector, CollectTarget } from '../contract';
import { probe } from './collect';
import { evaluate, HttpCheckSettings, httpSample, normaliseCheck, Owner, websiteEvent } from './parse';

export interface HttpTarget extends CollectTarget {
  owner: Owner;
  check: HttpCheckSettings;
}

/** Room above the probe's own timeout, so a slow site is recorded as down rather than aborted. */
const DEADLINE_SLACK_SECONDS = 2;

function targetsOf(config: NocConfig): HttpTarget[] {
  const targets: HttpTarget[] = [];
  const add = (owner: Owner, checks: NocConfig['services'][number]['urls'], prefix: string) =>
    checks.forEach((raw, i) => {
      const check = normaliseCheck(raw);
      targets.push({
        key: `${owner.id}#${prefix}${i}`,
        device: owner.id,
        owner,
        check,
        intervalSeconds: check.intervalSeconds ?? config.agent.intervalSeconds,
        timeoutSeconds: check.timeoutSeconds + DEADLINE_SLACK_SECONDS,
      });
    });
  for (const s of config.services) add({ kind: 'service', id: s.id, name: s.name }, s.urls, 'url');
  for (const d of config.devices) if (d.http) add({ kind: 'device', id: d.id, name: d.name }, d.http, 'http');
  return targets;
}

/**
 * Websites and service URLs (services[].urls, devices[].http): status, latency by phase,
 * keyword, redirects, certificate expiry and issuer, resolved addresses -> `http`; a `website`
 * event whenever `up` changes.
 */
export function httpCollector(): Collector<HttpTarget> {
  const lastUp = new Map<string, boolean>();
  const caFiles = new Map<string, Buffer>();
  const caOf = (file: string | undefined): Buffer | undefined => {
    if (!file) return undefined;
    let pem = caFiles.get(file);
    if (!pem) caFiles.set(file, (pem = readFileSync(resolve(file))));
    return pem;
  };
  return {
    name: 'http',
    targets: targetsOf,
    async collect(target, ctx, sink) {
      const { check, owner } = target;
      const language = ctx.config.organisation.language;
      const result = await probe(check, { signal: ctx.signal, ca: caOf(check.caFile) });
      const verdict = evaluate(result, check, language);
      const time = ctx.now();
      sink.sample(httpSample(owner, check, result, verdict, time));
      const event = websiteEvent(lastUp.get(target.key), verdict, owner, check.url, time, language);
      lastUp.set(target.key, verdict.up);
      if (event) sink.event(event);
    },
  };
}
