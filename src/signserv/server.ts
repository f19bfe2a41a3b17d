/**
 * tkesim's signing service: the two requests IBM's signing-service interface defines (reference
 * 1.4), served on 127.0.0.1 with node's own http module.
 *
 * - `GET /keys/:name` answers `{"publickey": "<base64>"}`. The public key is not a secret, so no
 *   token is needed; a token that is given must be the key's.
 * - `POST /sign/:name` with `{"hash_algorithm": "sha2-512", "input": "<base64>"}` answers
 *   `{"signature": "<base64>"}`. The key's token must be in the Authorization header.
 *
 * tkesim's keys are Ed25519 (which hashes with SHA-512 itself); the real service's are P-521 EC.
 * Errors answer `{"error": "..."}`: 401 for a missing or wrong token, 404 for an unknown key.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { sign } from '../core/crypto.ts';
import { isRecord } from '../workstation/file-fields.ts';
import { SERVICE_KEY_NAME } from '../workstation/index.ts';
import type { ServiceKey } from './key-store.ts';

const MAX_BODY = 64 * 1024;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** One request as the service saw it, for its log: never a token, never the data signed. */
export interface ServiceEvent {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly note: string;
}

export interface SigningService {
  /** `http://127.0.0.1:PORT`: the value for TKE_SIGNSERV_URL. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

type Reply = { readonly status: number; readonly body: Readonly<Record<string, string>>; readonly note: string };

const error = (status: number, message: string): Reply => ({ status, body: { error: message }, note: message });

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Whether the Authorization header holds the key's token (compared in constant time). */
function tokenMatches(header: string | undefined, key: ServiceKey): boolean {
  return header !== undefined && timingSafeEqual(digest(header), digest(key.token));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function signReply(key: ServiceKey, text: string | null): Reply {
  if (text === null) return error(413, 'the request body is too long');
  const json = parseJson(text);
  if (!isRecord(json)) return error(400, 'the request body is not a JSON object');
  if (json.hash_algorithm !== 'sha2-512') return error(400, 'hash_algorithm must be "sha2-512"');
  const input = json.input;
  if (typeof input !== 'string' || input === '' || !BASE64.test(input)) return error(400, 'input must be a non-empty base64 string');
  const signature = sign(new Uint8Array(Buffer.from(input, 'base64')), key.pair.secretKey);
  return { status: 200, body: { signature: Buffer.from(signature).toString('base64') }, note: `signed with ${key.name}` };
}

async function handle(keys: ReadonlyMap<string, ServiceKey>, req: IncomingMessage): Promise<Reply> {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const match = /^\/(keys|sign)\/([^/]*)$/.exec(path);
  if (!match) return error(404, 'unknown request: use GET /keys/:name or POST /sign/:name');
  const [, action, raw = ''] = match;
  const wanted = action === 'keys' ? 'GET' : 'POST';
  if (req.method !== wanted) return error(405, `use ${wanted} for /${action}/:name`);
  const name = SERVICE_KEY_NAME.test(raw) ? raw : null;
  const key = name === null ? undefined : keys.get(name);
  if (!key) return error(404, `no signature key named ${name ?? '(an invalid name)'}`);
  const auth = req.headers.authorization;
  if (action === 'keys') {
    if (auth !== undefined && !tokenMatches(auth, key)) return error(401, `wrong token for ${key.name}`);
    return { status: 200, body: { publickey: Buffer.from(key.pair.publicKey).toString('base64') }, note: `public key of ${key.name}` };
  }
  if (!tokenMatches(auth, key)) return error(401, `${auth === undefined ? 'no token' : 'wrong token'} for ${key.name}`);
  return signReply(key, await readBody(req));
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(reply.body));
}

/** Starts the service on 127.0.0.1:`port` (0: a free port) with `keys`. */
export function startSigningService(keys: readonly ServiceKey[], port = 0, log?: (e: ServiceEvent) => void): Promise<SigningService> {
  const byName = new Map(keys.map((k) => [k.name, k]));
  const server = createServer((req, res) => {
    handle(byName, req).then(
      (reply) => {
        send(res, reply);
        log?.({ method: req.method ?? '', path: (req.url ?? '').slice(0, 80), status: reply.status, note: reply.note });
      },
      () => send(res, error(500, 'the request could not be read')),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${bound}`,
        port: bound,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}
