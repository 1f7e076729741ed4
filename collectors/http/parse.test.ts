import {
  certDaysLeft,
  evaluate,
  formatDn,
  httpSample,
  normaliseCheck,
  ProbeResult,
  websiteEvent,
} from './parse';

const check = normaliseCheck('https://portal.kab.test/');
const answered: ProbeResult = {
  url: check.url,
  finalUrl: check.url,
  redirects: 0,
  statusCode: 200,
  latencyMs: 12.3456,
  resolvedAddresses: ['103.10.1.2', '2001:db8::1'],
};

describe('HTTP probe: pure conversion', () => {
  it('fills the defaults of a bare URL', () => {
    expect(check).toEqual({
      url: 'https://portal.kab.test/',
      followRedirects: true,
      timeoutSeconds: 10,
      verifyCertificate: true,
    });
  });

  it.each([
    ['200', answered, { up: true }],
    ['399', { ...answered, statusCode: 399 }, { up: true }],
    ['404', { ...answered, statusCode: 404 }, { up: false, reason: 'status HTTP 404' }],
    [
      'timeout',
      { ...answered, statusCode: undefined, timedOut: true, error: 'aborted' },
      { up: false, reason: 'tidak menjawab dalam 10 detik' },
    ],
    [
      'DNS',
      { ...answered, statusCode: undefined, error: 'DNS: ENOTFOUND x' },
      { up: false, reason: 'DNS: ENOTFOUND x' },
    ],
    [
      'expired certificate',
      {
        ...answered,
        cert: {
          validTo: 0,
          issuer: '',
          subject: '',
          authorized: false,
          authorizationError: 'CERT_HAS_EXPIRED',
        },
      },
      { up: false, reason: 'sertifikat tidak sah (CERT_HAS_EXPIRED)' },
    ],
  ])('evaluate: %s', (_name, result, verdict) => {
    expect(evaluate(result, check)).toEqual(verdict);
  });

  it('evaluate: expectStatus, keyword, English', () => {
    expect(evaluate({ ...answered, statusCode: 503 }, { ...check, expectStatus: [503] })).toEqual({
      up: true,
    });
    expect(evaluate({ ...answered, statusCode: 200 }, { ...check, expectStatus: [204] }, 'en')).toEqual({
      up: false,
      reason: 'HTTP status 200',
    });
    expect(evaluate({ ...answered, keywordFound: false }, { ...check, keyword: 'Pemkab' }, 'en')).toEqual({
      up: false,
      reason: 'keyword "Pemkab" not found',
    });
  });

  it('counts whole days to expiry, negative once expired', () => {
    const day = 86_400_000;
    expect(certDaysLeft(1000 + 3 * day, 1000)).toBe(3);
    expect(certDaysLeft(1000 + 3 * day - 1, 1000)).toBe(2);
    expect(certDaysLeft(1000 - 1, 1000)).toBe(-1);
  });

  it('formats a distinguished name most specific first, with repeated attributes', () => {
    expect(formatDn({ C: 'ID', O: "Let's Encrypt", CN: 'R11' })).toBe("CN=R11, O=Let's Encrypt, C=ID");
    expect(formatDn({ OU: ['a', 'b'], CN: 'x', emailAddress: 'noc@kab.test' })).toBe(
      'CN=x, OU=a, OU=b, emailAddress=noc@kab.test',
    );
    expect(formatDn(undefined)).toBe('');
  });

  it('builds the http sample with the resolved addresses as one comma-separated string', () => {
    const owner = { kind: 'device' as const, id: 'srv-web', name: 'Server Web' };
    expect(httpSample(owner, check, answered, { up: true }, 5)).toEqual({
      measurement: 'http',
      tags: { device: 'srv-web', url: 'https://portal.kab.test/' },
      fields: {
        up: true,
        latency_ms: 12.346,
        resolved: true,
        resolved_addresses: '103.10.1.2,2001:db8::1',
        redirects: 0,
        final_url: 'https://portal.kab.test/',
        status_code: 200,
      },
      time: 5,
    });
  });

  it('writes website events only on changes, in Indonesian or English', () => {
    const owner = { kind: 'service' as const, id: 'portal', name: 'Portal' };
    const down = { up: false, reason: 'status HTTP 502' };
    expect(websiteEvent(true, { up: true }, owner, 'https://p/', 1)).toBeUndefined();
    expect(websiteEvent(true, down, owner, 'https://p/', 1)?.text).toBe(
      'Situs https://p/ (Portal) tidak dapat diakses: status HTTP 502',
    );
    expect(websiteEvent(false, { up: true }, owner, 'https://p/', 1, 'en')?.text).toBe(
      'Website https://p/ (Portal) is up again',
    );
    expect(websiteEvent(undefined, down, { kind: 'device', id: 'srv' }, 'https://p/', 1)).toEqual({
      type: 'website',
      device: 'srv',
      time: 1,
      text: 'Situs https://p/ (srv) tidak dapat diakses: status HTTP 502',
      tags: { collector: 'http', device: 'srv', url: 'https://p/' },
      fields: { up: false, change: 'first' },
    });
  });
});
