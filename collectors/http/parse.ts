import type { NocEvent, Sample } from '../../agent/sample';

/**
 * Pure conversion for the HTTP(S) probe: what one probe saw -> up/down with a reason -> the
 * `http` sample and `website` events. The I/O (collect.ts) only records facts.
 */

/** A check with every default filled in (the config allows a bare URL string). */
export interface HttpCheckSettings {
  url: string;
  keyword?: string;
  expectStatus?: number[];
  followRedirects: boolean;
  timeoutSeconds: number;
  intervalSeconds?: number;
  caFile?: string;
  verifyCertificate: boolean;
}

export interface CertInfo {
  /** Expiry as Unix ms. */
  validTo: number;
  issuer: string;
  subject: string;
  /** Chain and host name verified against the trusted CAs (caFile or the system's). */
  authorized: boolean;
  authorizationError?: string;
}

/** The facts of one probe (first request and any redirects). */
export interface ProbeResult {
  url: string;
  finalUrl: string;
  redirects: number;
  statusCode?: number;
  /** From the start (DNS included) to the end of the last body read, over every redirect. */
  latencyMs: number;
  /** Phases of the first request. */
  dnsMs?: number;
  connectMs?: number;
  tlsMs?: number;
  firstByteMs?: number;
  /** What the configured host name resolved to (empty when it did not resolve). */
  resolvedAddresses: string[];
  /** The certificate of the first HTTPS answer. */
  cert?: CertInfo;
  keywordFound?: boolean;
  /** Set when no complete answer came (DNS, connection, TLS, timeout). */
  error?: string;
  timedOut?: boolean;
}

export interface Verdict {
  up: boolean;
  /** Why it is down, in the user's language. */
  reason?: string;
}

export type Language = 'id' | 'en';

/** Fills in the defaults of a bare URL string; the object form has them from the schema. */
export function normaliseCheck(check: string | HttpCheckSettings): HttpCheckSettings {
  if (typeof check === 'string')
    return { url: check, followRedirects: true, timeoutSeconds: 10, verifyCertificate: true };
  return check;
}

/** Decides up or down: an answer, the expected status (default 200-399), the keyword, a valid certificate. */
export function evaluate(result: ProbeResult, check: HttpCheckSettings, language: Language = 'id'): Verdict {
  const en = language === 'en';
  if (result.timedOut)
    return {
      up: false,
      reason: en
        ? `no answer within ${check.timeoutSeconds} s`
        : `tidak menjawab dalam ${check.timeoutSeconds} detik`,
    };
  if (result.error || result.statusCode === undefined)
    return { up: false, reason: result.error ?? 'no answer' };
  const status = result.statusCode;
  const statusOk = check.expectStatus ? check.expectStatus.includes(status) : status >= 200 && status < 400;
  if (!statusOk) return { up: false, reason: en ? `HTTP status ${status}` : `status HTTP ${status}` };
  if (check.keyword !== undefined && !result.keywordFound)
    return {
      up: false,
      reason: en ? `keyword "${check.keyword}" not found` : `kata kunci "${check.keyword}" tidak ditemukan`,
    };
  if (check.verifyCertificate && result.cert && !result.cert.authorized) {
    const code = result.cert.authorizationError ?? 'unknown';
    return { up: false, reason: en ? `certificate not valid (${code})` : `sertifikat tidak sah (${code})` };
  }
  return { up: true };
}

/** Whole days until the certificate expires (negative once expired). */
export function certDaysLeft(validTo: number, now: number): number {
  return Math.floor((validTo - now) / 86_400_000);
}

/**
 * A distinguished name as Node gives it ({ C: 'ID', O: 'Diskominfo', CN: 'x' }, values may be
 * arrays) -> "CN=x, O=Diskominfo, C=ID", most specific first as browsers show it.
 */
export function formatDn(dn: Record<string, string | string[] | undefined> | undefined): string {
  if (!dn) return '';
  const order = ['CN', 'OU', 'O', 'L', 'ST', 'C'];
  const keys = [...order.filter((k) => k in dn), ...Object.keys(dn).filter((k) => !order.includes(k))];
  return keys
    .flatMap((k) => {
      const v = dn[k];
      return v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => `${k}=${x}`);
    })
    .join(', ');
}

/** Whom the probe belongs to: a service (services[].urls) or a device (devices[].http). */
export interface Owner {
  kind: 'service' | 'device';
  id: string;
  name?: string;
}

export function httpSample(
  owner: Owner,
  check: HttpCheckSettings,
  result: ProbeResult,
  verdict: Verdict,
  time: number,
): Sample {
  const fields: Sample['fields'] = {
    up: verdict.up,
    latency_ms: round(result.latencyMs),
    resolved: result.resolvedAddresses.length > 0,
    resolved_addresses: result.resolvedAddresses.join(','),
    redirects: result.redirects,
    final_url: result.finalUrl,
  };
  if (result.statusCode !== undefined) fields.status_code = result.statusCode;
  for (const [name, value] of [
    ['dns_ms', result.dnsMs],
    ['connect_ms', result.connectMs],
    ['tls_ms', result.tlsMs],
    ['first_byte_ms', result.firstByteMs],
  ] as const)
    if (value !== undefined) fields[name] = round(value);
  if (check.keyword !== undefined && result.keywordFound !== undefined)
    fields.keyword_found = result.keywordFound;
  if (result.cert) {
    fields.cert_days_left = certDaysLeft(result.cert.validTo, time);
    fields.cert_not_after = new Date(result.cert.validTo).toISOString();
    fields.cert_issuer = result.cert.issuer;
    fields.cert_subject = result.cert.subject;
    fields.cert_valid = result.cert.authorized;
  }
  if (verdict.reason) fields.reason = verdict.reason;
  return { measurement: 'http', tags: { [owner.kind]: owner.id, url: check.url }, fields, time };
}

/** The `website` event when `up` changes (and on the first probe); undefined otherwise. */
export function websiteEvent(
  previous: boolean | undefined,
  verdict: Verdict,
  owner: Owner,
  url: string,
  time: number,
  language: Language = 'id',
): NocEvent | undefined {
  if (previous === verdict.up) return undefined;
  const who = `${url} (${owner.name ?? owner.id})`;
  let text: string;
  if (language === 'en')
    text = !verdict.up
      ? `Website ${who} is down: ${verdict.reason}`
      : previous === undefined
        ? `Website ${who} is up`
        : `Website ${who} is up again`;
  else
    text = !verdict.up
      ? `Situs ${who} tidak dapat diakses: ${verdict.reason}`
      : previous === undefined
        ? `Situs ${who} dapat diakses`
        : `Situs ${who} kembali dapat diakses`;
  return {
    type: 'website',
    device: owner.id,
    time,
    text,
    tags: { collector: 'http', [owner.kind]: owner.id, url },
    fields: { up: verdict.up, change: previous === undefined ? 'first' : verdict.up ? 'recovered' : 'lost' },
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
