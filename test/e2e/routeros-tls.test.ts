import { selfSignedCert } from '../harness/certs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routerosCollector } from '../../collectors/routeros';
import { pollOnce, routerConfig } from '../peers/routeros/harness';
import { RouterosPeer } from '../peers/routeros/server';

/**
 * API-SSL (8729) against the peer serving a self-signed certificate made here with openssl:
 * a pinned fingerprint or the certificate as CA file is accepted, an unverified certificate is
 * refused unless `tls.insecure: true`.
 */

const T0 = Date.UTC(2026, 0, 1);

describe('RouterOS API-SSL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'noc-ros-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  selfSignedCert({ keyFile: key, certFile: cert, days: 2, subject: '/CN=rtr-uji', altNames: 'IP:127.0.0.1' });
  // "sha256 Fingerprint=AB:CD:..." as openssl (not Node) computes it.
  const fingerprint = execFileSync('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256'], {
    encoding: 'utf8',
  })
    .trim()
    .split('=')[1];
  const peer = new RouterosPeer({ tls: { key: readFileSync(key), cert: readFileSync(cert) } });
  let port: number;

  beforeAll(async () => {
    port = await peer.start();
  });
  afterAll(async () => {
    await peer.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const pollWith = async (tls: Record<string, unknown>) => {
    const collector = routerosCollector();
    try {
      return await pollOnce(collector, routerConfig([{ id: 'r-tls', port, tls }]), 'r-tls', T0);
    } finally {
      await collector.close?.();
    }
  };

  it('accepts the pinned SHA-256 fingerprint (with or without colons, any case)', async () => {
    expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const rec = await pollWith({ enabled: true, fingerprint });
    expect(rec.errors).toEqual([]);
    expect(rec.of('interface')).toHaveLength(3);
    const bare = await pollWith({ enabled: true, fingerprint: fingerprint.replace(/:/g, '').toLowerCase() });
    expect(bare.errors).toEqual([]);
  });

  it('refuses a certificate that does not match the pin', async () => {
    const wrong = fingerprint.replace(/^../, fingerprint.startsWith('00') ? '11' : '00');
    const rec = await pollWith({ enabled: true, fingerprint: wrong });
    expect(rec.samples).toEqual([]);
    expect(rec.errors[0].message).toBe(
      `TLS certificate of 127.0.0.1:${port} does not match the pinned fingerprint (got ${fingerprint.replace(/:/g, '')})`,
    );
  });

  it('refuses the unverified self-signed certificate by default', async () => {
    const logins = peer.logins;
    const rec = await pollWith({ enabled: true });
    expect(rec.samples).toEqual([]);
    expect(rec.errors[0].message).toBe(
      `TLS connection to 127.0.0.1:${port} refused: self-signed certificate`,
    );
    expect(peer.logins).toBe(logins); // the password never went out
  });

  it('accepts it with insecure: true, and verifies it as a CA file', async () => {
    expect((await pollWith({ enabled: true, insecure: true })).errors).toEqual([]);
    const ca = await pollWith({ enabled: true, caFile: cert });
    expect(ca.errors).toEqual([]);
    expect(ca.of('system')[0].fields.board).toBe('hAP');
  });
});
