/**
 * Password protection of a secret in a workstation file: scrypt derives a key from the password
 * (parameters kept beside the ciphertext), AES-256-GCM encrypts and authenticates the secret.
 */
import { createCipheriv, createDecipheriv, scrypt } from 'node:crypto';
import { fromHex, toHex } from '../core/crypto.ts';

export interface SealedSecret {
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string /* hex */ };
  cipher: 'aes-256-gcm';
  nonce: string;
  /** hex of ciphertext || 16-byte GCM tag */
  data: string;
}

export const DEFAULT_SCRYPT_N = 32768;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const MIN_N = 1024;
const MAX_N = 1 << 20;
const MAX_R = 32;
const MAX_P = 4;
const MAX_MEMORY = 1 << 30;
const SALT_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const MAX_SECRET_BYTES = 1024;
/** Binds every ciphertext to this scheme: a blob from another context does not open. */
const ASSOCIATED_DATA = Buffer.from('tkesim sealed secret v1: scrypt, aes-256-gcm', 'utf8');

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
const validN = (n: number) => isPowerOfTwo(n) && n >= MIN_N && n <= MAX_N;

/** The scrypt cost for new files: TKESIM_SCRYPT_N if it is a power of two in 1024..1048576. */
export function scryptCostForNewFiles(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.TKESIM_SCRYPT_N;
  if (text === undefined || !/^\d+$/.test(text)) return DEFAULT_SCRYPT_N;
  const n = Number(text);
  return validN(n) ? n : DEFAULT_SCRYPT_N;
}

function field(record: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hexField(record: Record<string, unknown>, name: string, min: number, max: number): string {
  const value = field(record, name);
  if (typeof value !== 'string' || value.length % 2 !== 0 || !/^[0-9a-f]*$/.test(value)) {
    throw new Error(`${name} is not lower-case hex`);
  }
  const bytes = value.length / 2;
  if (bytes < min || bytes > max) throw new Error(`${name} has a wrong length`);
  return value;
}

function intField(record: Record<string, unknown>, name: string, ok: (n: number) => boolean, range: string): number {
  const value = field(record, name);
  if (typeof value !== 'number' || !Number.isInteger(value) || !ok(value)) throw new Error(`the scrypt parameter ${name} is not ${range}`);
  return value;
}

/**
 * Checks the shape and parameters of a sealed secret read from a file. Throws an Error with a
 * short message (the caller wraps it, naming the file); the message never quotes the input.
 */
export function parseSealedSecret(value: unknown): SealedSecret {
  if (!isRecord(value)) throw new Error('the sealed secret is missing');
  const kdf = field(value, 'kdf');
  if (!isRecord(kdf) || field(kdf, 'name') !== 'scrypt') throw new Error('the key derivation is not scrypt');
  if (field(value, 'cipher') !== 'aes-256-gcm') throw new Error('the cipher is not aes-256-gcm');
  const N = intField(kdf, 'N', validN, `a power of two between ${MIN_N} and ${MAX_N}`);
  const r = intField(kdf, 'r', (n) => n >= 1 && n <= MAX_R, `between 1 and ${MAX_R}`);
  const p = intField(kdf, 'p', (n) => n >= 1 && n <= MAX_P, `between 1 and ${MAX_P}`);
  if (128 * N * r > MAX_MEMORY) throw new Error('the scrypt parameters need more than 1 GiB of memory');
  return {
    kdf: { name: 'scrypt', N, r, p, salt: hexField(kdf, 'salt', 16, 64) },
    cipher: 'aes-256-gcm',
    nonce: hexField(value, 'nonce', NONCE_BYTES, NONCE_BYTES),
    data: hexField(value, 'data', 1 + TAG_BYTES, MAX_SECRET_BYTES + TAG_BYTES),
  };
}

function deriveKey(password: string, kdf: SealedSecret['kdf']): Promise<Buffer> {
  const { N, r, p } = kdf;
  const maxmem = 128 * r * (N + p + 2) + (1 << 20);
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), fromHex(kdf.salt), KEY_BYTES, { N, r, p, maxmem }, (err, key) => {
      if (err) reject(err);
      else resolve(key);
    });
  });
}

function draw(random: (n: number) => Uint8Array, n: number): Uint8Array {
  const bytes = random(n);
  if (bytes.length !== n) throw new Error(`the random source returned ${bytes.length} bytes, not ${n}`);
  return bytes;
}

/** Encrypts `secret` under `password`. Salt and nonce come from `random` (salt first). */
export async function sealSecret(secret: Uint8Array, password: string, random: (n: number) => Uint8Array): Promise<SealedSecret> {
  if (secret.length < 1 || secret.length > MAX_SECRET_BYTES) throw new Error(`a sealed secret is 1 to ${MAX_SECRET_BYTES} bytes`);
  const kdf: SealedSecret['kdf'] = { name: 'scrypt', N: scryptCostForNewFiles(), r: SCRYPT_R, p: SCRYPT_P, salt: toHex(draw(random, SALT_BYTES)) };
  const nonce = draw(random, NONCE_BYTES);
  const key = await deriveKey(password, kdf);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(ASSOCIATED_DATA);
    const body = Buffer.concat([cipher.update(secret), cipher.final(), cipher.getAuthTag()]);
    return { kdf, cipher: 'aes-256-gcm', nonce: toHex(nonce), data: body.toString('hex') };
  } finally {
    key.fill(0);
  }
}

/**
 * Decrypts a sealed secret. Null when the password is wrong or the ciphertext was altered (the
 * GCM tag does not verify): the two cannot be told apart. Throws an Error on invalid parameters.
 */
export async function openSecret(sealed: SealedSecret, password: string): Promise<Uint8Array | null> {
  const checked = parseSealedSecret(sealed);
  const body = Buffer.from(checked.data, 'hex');
  const tag = body.subarray(body.length - TAG_BYTES);
  const ciphertext = body.subarray(0, body.length - TAG_BYTES);
  const key = await deriveKey(password, checked.kdf);
  let plain: Buffer | null = null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(checked.nonce, 'hex'), { authTagLength: TAG_BYTES });
    decipher.setAAD(ASSOCIATED_DATA);
    decipher.setAuthTag(tag);
    plain = decipher.update(ciphertext);
    const rest = decipher.final();
    const out = new Uint8Array(plain.length + rest.length);
    out.set(plain);
    out.set(rest, plain.length);
    return out;
  } catch {
    return null;
  } finally {
    key.fill(0);
    plain?.fill(0);
  }
}
