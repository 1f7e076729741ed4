import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import http, { IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { CertInfo, HttpCheckSettings, ProbeResult } from './parse';
import { formatDn } from './parse';

/** The page is searched for the keyword within its first MiB; the rest is not read. */
const BODY_LIMIT = 1024 * 1024;
const MAX_REDIRECTS = 10;
const REDIRECT = new Set([301, 302, 303, 307, 308]);

export interface ProbeOptions {
  /** Aborted at the scheduler's deadline or at shutdown: the probe then throws. */
  signal: AbortSignal;
  /** PEM of the CA to trust (caFile). */
  ca?: string | Buffer;
}

interface Hop {
  statusCode: number;
  location?: string;
  cert?: CertInfo;
  keywordFound?: boolean;
  addresses: string[];
  dnsMs: number;
  connectMs?: number;
  tlsMs?: number;
  firstByteMs: number;
}

/**
 * Probes one URL: resolves the name itself (to record every address, for the rule that
 * government sites stay in Indonesia), connects to those addresses, times each phase, reads
 * the certificate even when it does not verify (so an expired one is still reported), and
 * follows redirects when told. A slow site is a result (`timedOut`), not an exception; only
 * the caller's own signal makes it throw.
 */
export async function probe(check: HttpCheckSettings, opts: ProbeOptions): Promise<ProbeResult> {
  const own = AbortSignal.timeout(check.timeoutSeconds * 1000);
  const signal = AbortSignal.any([opts.signal, own]);
  const started = performance.now();
  const result: ProbeResult = {
    url: check.url,
    finalUrl: check.url,
    redirects: 0,
    latencyMs: 0,
    resolvedAddresses: [],
  };
  let url = new URL(check.url);
  try {
    for (;;) {
      const hop = await request(url, check, opts.ca, signal);
      if (result.redirects === 0) {
        Object.assign(result, {
          dnsMs: hop.dnsMs,
          connectMs: hop.connectMs,
          tlsMs: hop.tlsMs,
          firstByteMs: hop.firstByteMs,
        });
        result.resolvedAddresses = hop.addresses;
      }
      result.cert ??= hop.cert;
      result.statusCode = hop.statusCode;
      result.keywordFound = hop.keywordFound;
      result.finalUrl = url.toString();
      if (!check.followRedirects || !REDIRECT.has(hop.statusCode) || !hop.location) break;
      if (result.redirects === MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
      url = new URL(hop.location, url);
      result.redirects++;
    }
  } catch (err) {
    if (opts.signal.aborted) throw opts.signal.reason as Error;
    result.statusCode = undefined;
    if (own.aborted) result.timedOut = true;
    result.error = describe(err as NodeJS.ErrnoException);
    if ((err as { addresses?: string[] }).addresses)
      result.resolvedAddresses = (err as { addresses: string[] }).addresses;
  }
  result.latencyMs = performance.now() - started;
  return result;
}

function describe(err: NodeJS.ErrnoException & { hostname?: string }): string {
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN')
    return `DNS: ${err.code} ${err.hostname ?? ''}`.trim();
  return err.code ? `${err.code}: ${err.message}` : err.message;
}

async function resolve(host: string, signal: AbortSignal): Promise<LookupAddress[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family) return [{ address: bare, family }];
  return new Promise((res, rej) => {
    const onAbort = () => rej(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    dnsLookup(bare, { all: true }, (err, addresses) => {
      signal.removeEventListener('abort', onAbort);
      if (err) rej(err);
      else res(addresses);
    });
  });
}

async function request(
  url: URL,
  check: HttpCheckSettings,
  ca: string | Buffer | undefined,
  signal: AbortSignal,
): Promise<Hop> {
  const t0 = performance.now();
  const addresses = await resolve(url.hostname, signal);
  const dnsMs = performance.now() - t0;
  const secure = url.protocol === 'https:';
  const mod = secure ? https : http;
  return new Promise<Hop>((res, rej) => {
    let connectAt: number | undefined;
    let tlsAt: number | undefined;
    const fail = (err: Error) => rej(Object.assign(err, { addresses: addresses.map((a) => a.address) }));
    const req = mod.request(url, {
      method: 'GET',
      signal,
      agent: false,
      headers: { 'user-agent': 'noc-probe (Diskominfo NOC)', accept: '*/*', connection: 'close' },
      // Connect to the addresses resolved above; the TLS name stays the URL's host.
      lookup: fixedLookup(addresses),
      ...(secure ? { ca, rejectUnauthorized: false } : {}),
    });
    req.on('socket', (socket) => {
      socket.once('connect', () => (connectAt = performance.now()));
      socket.once('secureConnect', () => (tlsAt = performance.now()));
    });
    req.on('error', fail);
    req.on('response', (response: IncomingMessage) => {
      const firstAt = performance.now();
      const cert = secure ? certOf(response.socket as TLSSocket) : undefined;
      const hop: Hop = {
        statusCode: response.statusCode ?? 0,
        location: response.headers.location,
        cert,
        addresses: addresses.map((a) => a.address),
        dnsMs,
        connectMs: connectAt !== undefined ? connectAt - t0 - dnsMs : undefined,
        tlsMs: tlsAt !== undefined && connectAt !== undefined ? tlsAt - connectAt : undefined,
        firstByteMs: firstAt - t0,
      };
      if (check.followRedirects && REDIRECT.has(hop.statusCode)) {
        response.resume();
        return res(hop);
      }
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
        if (body.length >= BODY_LIMIT) response.destroy();
      });
      const done = () => {
        if (check.keyword !== undefined) hop.keywordFound = body.includes(check.keyword);
        res(hop);
      };
      response.on('end', done);
      response.on('close', () =>
        response.complete || body.length >= BODY_LIMIT
          ? done()
          : fail(new Error('connection closed mid-answer')),
      );
      response.on('error', fail);
    });
    req.end();
  });
}

/** A lookup that answers with the addresses resolved (and recorded) before connecting. */
function fixedLookup(addresses: LookupAddress[]): LookupFunction {
  return ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) =>
    options.all
      ? cb(null, addresses)
      : cb(null, addresses[0].address, addresses[0].family)) as unknown as LookupFunction;
}

function certOf(socket: TLSSocket): CertInfo | undefined {
  const peer = socket.getPeerCertificate?.();
  if (!peer || !peer.valid_to) return undefined;
  return {
    validTo: Date.parse(peer.valid_to),
    issuer: formatDn(peer.issuer as unknown as Record<string, string>),
    subject: formatDn(peer.subject as unknown as Record<string, string>),
    authorized: socket.authorized,
    authorizationError: socket.authorizationError ? String(socket.authorizationError) : undefined,
  };
}
