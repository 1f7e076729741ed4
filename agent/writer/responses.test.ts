import { backoffMs, classify, RawResponse } from './responses';

const res = (status: number, body = '', headers: RawResponse['headers'] = {}): RawResponse => ({
  status,
  body,
  headers,
});
const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('classify: what an InfluxDB answer means for the batch', () => {
  it.each<[string, 1 | 2, RawResponse, object]>([
    ['204', 1, res(204), { kind: 'ok' }],
    ['200 (2.x)', 2, res(200), { kind: 'ok' }],
    [
      '1.x partial write: two unparsable lines',
      1,
      res(
        400,
        `{"error":"partial write: unable to parse 'm,t=b v= 2000': missing field value\\nunable to parse 'bad line here': invalid field format dropped=0"}\n`,
      ),
      { kind: 'partial', rejected: 2 },
    ],
    [
      '1.x partial write: a field type conflict',
      1,
      res(
        400,
        '{"error":"partial write: field type conflict: input field \\"v\\" on measurement \\"m\\" is type integer, already exists as type float dropped=1"}',
      ),
      { kind: 'partial', rejected: 1 },
    ],
    [
      '1.x 400 naming nothing: the whole batch',
      1,
      res(400, '{"error":"bad timestamp"}'),
      { kind: 'invalid', message: 'bad timestamp' },
    ],
    [
      '2.x 400 with its line number (1-based -> 0-based)',
      2,
      res(
        400,
        '{"code":"invalid","message":"failed to parse line protocol: error parsing line 3 (1-based): missing fields","line":3}',
      ),
      { kind: 'invalid', line: 2 },
    ],
    [
      '2.x 400 line only in the text',
      2,
      res(400, '{"code":"invalid","message":"error parsing line 5: x"}'),
      { kind: 'invalid', line: 4 },
    ],
    [
      '2.x 400 without a line',
      2,
      res(400, '{"code":"invalid","message":"bad"}'),
      { kind: 'invalid', message: 'bad' },
    ],
    [
      '2.x/Cloud 422 partial write',
      2,
      res(
        422,
        '{"code":"unprocessable entity","message":"partial write: points beyond retention policy dropped=4"}',
      ),
      { kind: 'partial', rejected: 4 },
    ],
    [
      '401',
      2,
      res(401, '{"code":"unauthorized","message":"unauthorized access"}'),
      { kind: 'config', status: 401, message: 'unauthorized access' },
    ],
    ['403', 1, res(403, '{"error":"user not authorized to write to noc"}'), { kind: 'config', status: 403 }],
    [
      '404 bucket not found',
      2,
      res(404, '{"code":"not found","message":"bucket \\"x\\" not found"}'),
      { kind: 'config', status: 404 },
    ],
    [
      '404 database not found (1.x)',
      1,
      res(404, '{"error":"database not found: \\"noc\\""}'),
      { kind: 'missingDatabase' },
    ],
    [
      '413',
      2,
      res(413, '{"code":"request too large","message":"points batch is too large"}'),
      { kind: 'tooLarge' },
    ],
    [
      '429 Retry-After seconds',
      2,
      res(429, '', { 'retry-after': '7' }),
      { kind: 'retry', retryAfterMs: 7000 },
    ],
    [
      '503 Retry-After date',
      1,
      res(503, '', { 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }),
      { kind: 'retry', retryAfterMs: 30000 },
    ],
    [
      '500 without Retry-After',
      1,
      res(500, '{"error":"timeout"}'),
      { kind: 'retry', retryAfterMs: undefined, message: 'timeout' },
    ],
  ])('%s', (_name, version, response, expected) => {
    expect(classify(version, response, NOW)).toMatchObject(expected);
  });
});

describe('backoffMs', () => {
  const mid = () => 0.5; // no jitter
  it('doubles from 1 s up to the cap', () => {
    expect([1, 2, 3, 4, 7, 20].map((a) => backoffMs(a, undefined, { random: mid }))).toEqual([
      1000, 2000, 4000, 8000, 30000, 30000,
    ]);
  });
  it('waits at least what Retry-After asks', () => {
    expect(backoffMs(1, 30_000, { random: mid })).toBe(30_000);
    expect(backoffMs(5, 1_000, { random: mid })).toBe(16_000);
  });
  it('jitters within ±20 %', () => {
    expect(backoffMs(3, undefined, { random: () => 0 })).toBe(3200);
    expect(backoffMs(3, undefined, { random: () => 1 })).toBe(4800);
  });
});
