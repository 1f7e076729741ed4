import { createHash, createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Evidence integrity (bukti dukung): the manifest lists every exported file with its SHA-256,
 * the parameters, the agent version and the export time. With a signing key it is signed with
 * Ed25519 (MANIFEST.json.sig, base64), and `noc report verify` checks both.
 */
export const MANIFEST = 'MANIFEST.json';
export const SIGNATURE = 'MANIFEST.json.sig';

export interface Manifest {
  tool: string;
  agentVersion: string;
  exportedAt: string;
  parameters: Record<string, string>;
  files: { path: string; bytes: number; sha256: string }[];
  /** SPKI PEM of the signing key, so a verifier can see which key signed. */
  publicKey?: string;
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function buildManifest(
  files: Map<string, Buffer>,
  info: { agentVersion: string; exportedAt: number; parameters: Record<string, string> },
  key?: KeyObject,
): Manifest {
  const manifest: Manifest = {
    tool: 'noc',
    agentVersion: info.agentVersion,
    exportedAt: new Date(info.exportedAt).toISOString(),
    parameters: info.parameters,
    files: [...files.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, data]) => ({ path, bytes: data.length, sha256: sha256(data) })),
  };
  if (key) manifest.publicKey = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  return manifest;
}

export function signManifest(manifestBytes: Buffer, key: KeyObject): Buffer {
  return Buffer.from(sign(null, manifestBytes, key).toString('base64') + '\n');
}

/** Reads a PEM private key (PKCS#8, as `openssl genpkey -algorithm ed25519` writes it). */
export function loadSigningKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`signing key must be Ed25519, not ${key.asymmetricKeyType}`);
  return key;
}

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  files: number;
  signed: boolean;
}

/**
 * Checks a report folder: every listed file exists with its hash, no unlisted file, and the
 * signature (when present) matches the manifest and the given or embedded public key.
 */
export function verifyReportDir(dir: string, publicKeyPem?: string): VerifyResult {
  const problems: string[] = [];
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath))
    return { ok: false, problems: [`${MANIFEST} tidak ada / missing`], files: 0, signed: false };
  const bytes = readFileSync(manifestPath);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(bytes.toString('utf8')) as Manifest;
  } catch (err) {
    return { ok: false, problems: [`${MANIFEST}: ${(err as Error).message}`], files: 0, signed: false };
  }
  for (const f of manifest.files) {
    const path = join(dir, f.path);
    if (!existsSync(path)) {
      problems.push(`${f.path}: hilang / missing`);
      continue;
    }
    const actual = sha256(readFileSync(path));
    if (actual !== f.sha256) problems.push(`${f.path}: SHA-256 berbeda / differs (${actual} ≠ ${f.sha256})`);
  }
  const listed = new Set([...manifest.files.map((f) => f.path), MANIFEST, SIGNATURE]);
  for (const path of listFiles(dir))
    if (!listed.has(path)) problems.push(`${path}: tidak tercantum di manifes / not in the manifest`);

  const sigPath = join(dir, SIGNATURE);
  const signed = existsSync(sigPath);
  if (signed) {
    const pem = publicKeyPem ?? manifest.publicKey;
    if (!pem) problems.push(`${SIGNATURE}: no public key to check it with`);
    else {
      const signature = Buffer.from(readFileSync(sigPath, 'utf8').trim(), 'base64');
      if (!verify(null, bytes, createPublicKey(pem), signature))
        problems.push(`${SIGNATURE}: tanda tangan tidak cocok / signature does not match`);
    }
  } else if (publicKeyPem) problems.push(`${SIGNATURE}: missing, but a public key was given`);
  return { ok: problems.length === 0, problems, files: manifest.files.length, signed };
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, root) : [relative(root, path)];
  });
}
