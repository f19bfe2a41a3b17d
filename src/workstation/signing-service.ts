/**
 * The client of a signing service (TKE_SIGNSERV_URL, reference 1.4): `GET /keys/:name` gives a
 * key's public key, `POST /sign/:name` signs data with it; the key's token travels in the
 * Authorization header. tkesim talks only to a service on this machine (127.0.0.1). Every failure
 * is a WorkstationError that says what to do; none quotes a token.
 */
import { subjectKeyIdentifier, toHex } from '../core/crypto.ts';
import { WorkstationError } from './errors.ts';
import { isRecord } from './file-fields.ts';
import type { Signer } from './signer.ts';

const TIMEOUT_MS = 10_000;
const MAX_ANSWER = 64 * 1024;
const NOTHING_SENT = 'Nothing was sent to the crypto units.';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The service's URL from TKE_SIGNSERV_URL, or null when the variable is not set. */
export function signingServiceUrl(env: NodeJS.ProcessEnv): URL | null {
  const text = env.TKE_SIGNSERV_URL;
  if (text === undefined || text.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new WorkstationError('TKE_SIGNSERV_URL is not a valid URL. Set it to the URL and port of the signing service, for example http://127.0.0.1:8700.', null);
  }
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost'].includes(url.hostname) || url.port === '' || url.username !== '' || url.password !== '') {
    throw new WorkstationError('tkesim uses a signing service on this machine only: set TKE_SIGNSERV_URL to http://127.0.0.1:PORT (the address tkesim sim signserv prints).', null);
  }
  return url;
}

/** How the service is named in messages: its origin, without any path or query. */
const where = (base: URL): string => `http://127.0.0.1:${base.port}`;

interface Answer {
  readonly status: number;
  readonly json: unknown;
}

async function call(base: URL, method: 'GET' | 'POST', path: string, token: string | null, body: string | null): Promise<Answer> {
  // Loaded on first use: every other command starts without node's HTTP stack.
  const { request } = await import('node:http');
  const prefix = base.pathname.replace(/\/+$/, '');
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers.Authorization = token;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(base.port), method, path: `${prefix}${path}`, headers, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_ANSWER) req.destroy(new Error('answer too long'));
        else chunks.push(c);
      });
      res.on('end', () => {
        let json: unknown = null;
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch { /* not JSON: checked by the caller through `json` */ }
        resolve({ status: res.statusCode ?? 0, json });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => {
      const code = e instanceof Error && 'code' in e ? String(e.code) : '';
      const why = code === 'ECONNREFUSED' ? 'connection refused: is it running?' : e.message === 'timeout' ? `no answer within ${TIMEOUT_MS / 1000} s` : code || e.message;
      reject(new WorkstationError(`The signing service at ${where(base)} cannot be reached (${why}). Start it (tkesim sim signserv) or correct TKE_SIGNSERV_URL. ${NOTHING_SENT}`, null));
    });
    req.end(body ?? undefined);
  });
}

function refusedBy(base: URL, key: string, status: number, tokenGiven = true): WorkstationError {
  switch (status) {
    case 401:
    case 403:
      if (!tokenGiven) return new WorkstationError(`The signing service at ${where(base)} gives the public key of ${key} only with its token (HTTP ${status}). Add the token for ${key} to SIGNSERVKEYS. ${NOTHING_SENT}`, null);
      return new WorkstationError(`The signing service at ${where(base)} refused the token for the signature key ${key} (HTTP ${status}). Check the token given for it (in SIGNSERVKEYS or typed at the prompt). ${NOTHING_SENT}`, null);
    case 404:
      return new WorkstationError(`The signing service at ${where(base)} has no signature key named ${key} (HTTP 404). Check the key identifiers in SIGNSERVKEYS. ${NOTHING_SENT}`, null);
    default:
      return new WorkstationError(`The signing service at ${where(base)} could not serve the signature key ${key} (HTTP ${status}). ${NOTHING_SENT}`, null);
  }
}

/** The bytes of a base64 field of an answer, when it has exactly `length` of them. */
function bytesField(json: unknown, field: string, length: number): Uint8Array | null {
  if (!isRecord(json)) return null;
  const value = Object.hasOwn(json, field) ? json[field] : undefined;
  if (typeof value !== 'string' || !BASE64.test(value)) return null;
  const bytes = new Uint8Array(Buffer.from(value, 'base64'));
  return bytes.length === length ? bytes : null;
}

/** The public key (32-byte Ed25519 in tkesim) of a service key. A token, when given, must be the key's. */
export async function servicePublicKey(base: URL, key: string, token: string | null): Promise<Uint8Array> {
  const answer = await call(base, 'GET', `/keys/${encodeURIComponent(key)}`, token, null);
  if (answer.status !== 200) throw refusedBy(base, key, answer.status, token !== null);
  const publicKey = bytesField(answer.json, 'publickey', 32);
  if (!publicKey) throw new WorkstationError(`The signing service at ${where(base)} sent a public key for ${key} that is not a base64 Ed25519 key. ${NOTHING_SENT}`, null);
  return publicKey;
}

/** A signature by a service key over `data` (the service hashes with SHA-512, as Ed25519 does). */
export async function serviceSign(base: URL, key: string, token: string, data: Uint8Array): Promise<Uint8Array> {
  const body = JSON.stringify({ hash_algorithm: 'sha2-512', input: Buffer.from(data).toString('base64') });
  const answer = await call(base, 'POST', `/sign/${encodeURIComponent(key)}`, token, body);
  if (answer.status !== 200) throw refusedBy(base, key, answer.status);
  const signature = bytesField(answer.json, 'signature', 64);
  if (!signature) throw new WorkstationError(`The signing service at ${where(base)} sent a signature for ${key} that is not a base64 Ed25519 signature. ${NOTHING_SENT}`, null);
  return signature;
}

/** A service key that signs through the service, after checking its token against the service. */
export async function openServiceKey(base: URL, key: string, token: string): Promise<Signer> {
  const publicKey = await servicePublicKey(base, key, token);
  return {
    source: 'service',
    name: key,
    ski: subjectKeyIdentifier(publicKey),
    publicKey: toHex(publicKey),
    sign: (payload) => serviceSign(base, key, token, payload),
    forget: () => undefined,
  };
}
