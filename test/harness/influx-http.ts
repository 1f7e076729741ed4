/** Plain HTTP helpers for tests that load or read a real InfluxDB 1.x. */
export async function influxQuery(url: string, db: string, q: string): Promise<InfluxResult> {
  const res = await fetch(`${url}/query?db=${encodeURIComponent(db)}&epoch=ms`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ q }).toString(),
  });
  const body = (await res.json()) as { results?: InfluxResult[]; error?: string };
  if (!res.ok || body.error) throw new Error(`InfluxDB ${res.status}: ${body.error ?? JSON.stringify(body)}`);
  return body.results![0];
}

export interface InfluxResult {
  error?: string;
  series?: { name: string; tags?: Record<string, string>; columns: string[]; values: unknown[][] }[];
}

export async function influxWrite(url: string, db: string, lines: string[], rp?: string): Promise<void> {
  const params = new URLSearchParams({ db, precision: 'ms', ...(rp ? { rp } : {}) });
  const res = await fetch(`${url}/write?${params}`, {
    method: 'POST',
    body: lines.join('\n'),
  });
  if (res.status !== 204) throw new Error(`InfluxDB write ${res.status}: ${await res.text()}`);
}
