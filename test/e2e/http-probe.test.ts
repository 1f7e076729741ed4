import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { stringify } from 'yaml';
import { silentLogger } from '../../agent/log';
import type { NocEvent, Sample } from '../../agent/sample';
import { httpCollector } from '../../collectors/http';
import type { Sink } from '../../collectors/contract';
import { parseConfig } from '../../config/load';
import { siteHandler, startSites, TestSites } from './http-servers';

/** The HTTP(S) probe against local servers with real certificates made by openssl. */
let sites: TestSites;
/**
 * The probe's clock, read once the certificates exist: openssl stamps notBefore/notAfter in
 * whole seconds from the moment it made them, so a clock read before that (a slow machine takes
 * over a second to make the keys) would see "-days 3" as 3 whole days left instead of 2.
 */
let NOW: number;
beforeAll(async () => {
  sites = await startSites();
  NOW = Date.now();
});
afterAll(() => sites.close());

function configWith(urls: unknown[]) {
  const raw = {
    organisation: { name: 'Diskominfo Uji' },
    services: [{ id: 'portal', name: 'Portal Kabupaten', urls }],
  };
  const { config, problems } = parseConfig(stringify(raw), { baseDir: tmpdir(), env: {} });
  if (!config) throw new Error(JSON.stringify(problems));
  return config;
}

/** Probes every URL of the service once (or `rounds` times) and returns what the sink got. */
async function run(urls: unknown[], rounds = 1, between?: (round: number) => void) {
  const config = configWith(urls);
  const collector = httpCollector();
  const samples: Sample[] = [];
  const events: NocEvent[] = [];
  const errors: string[] = [];
  const sink: Sink = {
    sample: (s) => samples.push(s),
    event: (e) => events.push(e),
    error: (e) => errors.push(e.message),
  };
  for (let round = 0; round < rounds; round++) {
    between?.(round);
    for (const t of collector.targets(config))
      await collector.collect(
        t,
        { config, signal: new AbortController().signal, now: () => NOW, log: silentLogger },
        sink,
      );
  }
  return { samples, events, errors, fields: samples.map((s) => s.fields) };
}

const timingFields = ['latency_ms', 'dns_ms', 'connect_ms', 'tls_ms', 'first_byte_ms'];
const withoutTimings = (f: Sample['fields']) =>
  Object.fromEntries(Object.entries(f).filter(([k]) => !timingFields.includes(k)));

describe('HTTP(S) probe against local servers', () => {
  it('a self-signed certificate without caFile: answered, but down for the certificate', async () => {
    const { samples, errors } = await run([sites.good + '/']);
    expect(errors).toEqual([]);
    expect(samples[0].tags).toEqual({ service: 'portal', url: sites.good + '/' });
    expect(withoutTimings(samples[0].fields)).toEqual({
      up: false,
      resolved: true,
      resolved_addresses: '127.0.0.1',
      redirects: 0,
      final_url: sites.good + '/',
      status_code: 200,
      cert_days_left: 364,
      cert_not_after: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      cert_issuer: 'CN=portal.kab.test, O=Diskominfo Uji, C=ID',
      cert_subject: 'CN=portal.kab.test, O=Diskominfo Uji, C=ID',
      cert_valid: false,
      reason: 'sertifikat tidak sah (DEPTH_ZERO_SELF_SIGNED_CERT)',
    });
    for (const k of timingFields) expect(samples[0].fields[k]).toBeGreaterThan(0);
  });

  it('trusts an internal CA through caFile; keyword present and absent', async () => {
    const { fields } = await run([
      { url: sites.good + '/', caFile: sites.goodCert, keyword: 'Portal Kabupaten' },
      { url: sites.good + '/', caFile: sites.goodCert, keyword: 'Layanan Pajak' },
      { url: sites.good + '/', verifyCertificate: false },
    ]);
    expect(fields.map((f) => [f.up, f.cert_valid, f.keyword_found, f.reason])).toEqual([
      [true, true, true, undefined],
      [false, true, false, 'kata kunci "Layanan Pajak" tidak ditemukan'],
      [true, false, undefined, undefined],
    ]);
  });

  it('reports days to expiry of a certificate made with -days 3', async () => {
    const { fields } = await run([{ url: sites.expiring + '/', caFile: sites.expiringCert }]);
    expect(fields[0]).toMatchObject({
      up: true,
      status_code: 200,
      cert_days_left: 2,
      cert_valid: true,
      cert_issuer: 'CN=hampir-kedaluwarsa.kab.test, O=Diskominfo Uji, C=ID',
    });
  });

  it('follows a redirect chain (count, final URL), or records the 302 when told not to', async () => {
    const { fields } = await run([
      { url: sites.plain + '/r1' },
      { url: sites.plain + '/r1', followRedirects: false },
    ]);
    expect(withoutTimings(fields[0])).toEqual({
      up: true,
      resolved: true,
      resolved_addresses: '127.0.0.1',
      redirects: 2,
      final_url: sites.plain + '/akhir',
      status_code: 200,
    });
    expect(fields[0].tls_ms).toBeUndefined();
    expect(fields[1]).toMatchObject({
      up: true,
      redirects: 0,
      final_url: sites.plain + '/r1',
      status_code: 302,
    });
  });

  it('a 500 is down unless expectStatus says otherwise; a closed port is down with the cause', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => resolve(port));
      });
    });
    const { fields } = await run([
      sites.plain + '/galat',
      { url: sites.plain + '/galat', expectStatus: [500] },
      `http://127.0.0.1:${closed}/`,
    ]);
    expect(fields.map((f) => [f.up, f.status_code, f.reason])).toEqual([
      [false, 500, 'status HTTP 500'],
      [true, 500, undefined],
      [false, undefined, expect.stringMatching(/^ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+$/)],
    ]);
    expect(fields[2].resolved_addresses).toBe('127.0.0.1');
  });

  it('records the addresses a host name resolves to', async () => {
    const url = sites.plain.replace('127.0.0.1', 'localhost') + '/';
    const { fields } = await run([url]);
    expect(fields[0]).toMatchObject({
      up: true,
      resolved: true,
      resolved_addresses: '127.0.0.1',
      status_code: 200,
    });
  });

  it('probes an IPv6 literal URL on ::1', async () => {
    const server = createHttpServer(siteHandler({ status: 200 }));
    await new Promise<void>((resolve) => server.listen(0, '::1', resolve));
    const url = `http://[::1]:${(server.address() as { port: number }).port}/`;
    try {
      const { fields } = await run([{ url, keyword: 'Portal' }]);
      expect(fields[0]).toMatchObject({
        up: true,
        status_code: 200,
        keyword_found: true,
        resolved_addresses: '::1',
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a site that never answers is down after its own timeout; the deadline signal aborts the probe', async () => {
    const { fields } = await run([{ url: sites.plain + '/macet', timeoutSeconds: 1 }]);
    expect(withoutTimings(fields[0])).toEqual({
      up: false,
      resolved: true,
      resolved_addresses: '127.0.0.1',
      redirects: 0,
      final_url: sites.plain + '/macet',
      reason: 'tidak menjawab dalam 1 detik',
    });

    const config = configWith([{ url: sites.plain + '/macet', timeoutSeconds: 30 }]);
    const collector = httpCollector();
    const controller = new AbortController();
    const samples: Sample[] = [];
    const sink: Sink = { sample: (s) => samples.push(s), event: () => undefined, error: () => undefined };
    const poll = collector.collect(
      collector.targets(config)[0],
      { config, signal: controller.signal, now: Date.now, log: silentLogger },
      sink,
    );
    setImmediate(() => controller.abort(new Error('no answer within the 32 s deadline')));
    await expect(poll).rejects.toThrow('no answer within the 32 s deadline');
    expect(samples).toEqual([]);
  });

  it('writes a website event on the first probe and on every change of up, in order', async () => {
    const statuses = [200, 500, 500, 200, 200];
    const { events, fields } = await run(
      [{ url: sites.good + '/', caFile: sites.goodCert }],
      statuses.length,
      (round) => {
        sites.state.status = statuses[round];
      },
    );
    sites.state.status = 200;
    expect(fields.map((f) => f.up)).toEqual([true, false, false, true, true]);
    const u = sites.good + '/';
    expect(events.map((e) => [e.type, e.device, e.text, e.fields?.change])).toEqual([
      ['website', 'portal', `Situs ${u} (Portal Kabupaten) dapat diakses`, 'first'],
      ['website', 'portal', `Situs ${u} (Portal Kabupaten) tidak dapat diakses: status HTTP 500`, 'lost'],
      ['website', 'portal', `Situs ${u} (Portal Kabupaten) kembali dapat diakses`, 'recovered'],
    ]);
    expect(events[0].tags).toEqual({ collector: 'http', service: 'portal', url: u });
  });
});
