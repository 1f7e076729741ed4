import { execFileSync } from 'node:child_process';

/**
 * A self-signed EC certificate made with openssl, for the TLS peers of tests and benchmarks
 * (websites, RouterOS API-SSL). `altNames` is openssl's subjectAltName value.
 */
export function selfSignedCert(opts: {
  keyFile: string;
  certFile: string;
  days: number;
  subject: string;
  altNames: string;
}): void {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      opts.keyFile,
      '-out',
      opts.certFile,
      '-days',
      String(opts.days),
      '-subj',
      opts.subject,
      '-addext',
      `subjectAltName=${opts.altNames}`,
    ],
    { stdio: 'pipe' },
  );
}
