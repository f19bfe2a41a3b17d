/** The crypto boundary: tweetnacl (Ed25519, secretbox, box) and SHA-256. Pure functions only. */
import { createHash } from 'node:crypto';
import nacl from 'tweetnacl';

export const KEY_BYTES = 32;

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error('invalid hex string');
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

export function sha256(...parts: Uint8Array[]): Uint8Array {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

/** Verification pattern: SHA-256(0x01 || key) with the last four bytes zeroed, 64 hex digits. */
export function verificationPattern(key: Uint8Array): string {
  if (key.length !== KEY_BYTES) throw new Error(`a master key or key part is ${KEY_BYTES} bytes, got ${key.length}`);
  const digest = sha256(Uint8Array.of(0x01), key);
  digest.fill(0, 28);
  return toHex(digest);
}

export const EMPTY_VP = '0'.repeat(64);

/** Subject key identifier of an Ed25519 public key: SHA-256 of the 32-byte key, 64 hex digits. */
export function subjectKeyIdentifier(publicKey: Uint8Array): string {
  if (publicKey.length !== nacl.sign.publicKeyLength) throw new Error('an Ed25519 public key is 32 bytes');
  return toHex(sha256(publicKey));
}

export interface SigningKeyPair {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

export function signingKeyFromSeed(seed: Uint8Array): SigningKeyPair {
  const kp = nacl.sign.keyPair.fromSeed(seed);
  return { publicKey: kp.publicKey, secretKey: kp.secretKey };
}

export function sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return nacl.sign.detached(message, secretKey);
}

export function verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== nacl.sign.signatureLength || publicKey.length !== nacl.sign.publicKeyLength) return false;
  return nacl.sign.detached.verify(message, signature, publicKey);
}

export function xorParts(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(KEY_BYTES);
  for (const p of parts) {
    if (p.length !== KEY_BYTES) throw new Error('a key part is 32 bytes');
    for (let i = 0; i < KEY_BYTES; i++) out[i] = (out[i] ?? 0) ^ (p[i] ?? 0);
  }
  return out;
}

export const SEAL_OVERHEAD = nacl.secretbox.overheadLength;
export const NONCE_BYTES = nacl.secretbox.nonceLength;

interface SecretboxLowLevel {
  crypto_secretbox(c: Uint8Array, m: Uint8Array, d: number, n: Uint8Array, k: Uint8Array): number;
  crypto_secretbox_open(m: Uint8Array, c: Uint8Array, d: number, n: Uint8Array, k: Uint8Array): number;
}
// tweetnacl's low-level API (not in its type declarations): the same secretbox without the
// per-call padding allocations, about four times faster when re-enciphering key storage.
const lowlevel = (nacl as unknown as { lowlevel: SecretboxLowLevel }).lowlevel;
const ZERO_BYTES = 32;
const BOX_ZERO_BYTES = 16;
const scratch = { size: -1, padded: new Uint8Array(0), out: new Uint8Array(0) };

function buffers(size: number): { padded: Uint8Array; out: Uint8Array } {
  if (scratch.size !== size) {
    scratch.size = size;
    scratch.padded = new Uint8Array(size + ZERO_BYTES);
    scratch.out = new Uint8Array(size + ZERO_BYTES);
  }
  return scratch;
}

/** Authenticated symmetric encryption (XSalsa20-Poly1305): the bytes of nacl.secretbox. */
export function seal(plain: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array {
  const { padded, out } = buffers(plain.length);
  padded.fill(0, 0, ZERO_BYTES);
  padded.set(plain, ZERO_BYTES);
  lowlevel.crypto_secretbox(out, padded, padded.length, nonce, key);
  padded.fill(0);
  return out.slice(BOX_ZERO_BYTES);
}

/** Opens what seal() made; null when the key is wrong or the bytes were altered. */
export function unseal(sealed: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array | null {
  if (sealed.length < SEAL_OVERHEAD || nonce.length !== NONCE_BYTES || key.length !== KEY_BYTES) return null;
  const { padded, out } = buffers(sealed.length - SEAL_OVERHEAD);
  out.fill(0, 0, BOX_ZERO_BYTES);
  out.set(sealed, BOX_ZERO_BYTES);
  const ok = lowlevel.crypto_secretbox_open(padded, out, out.length, nonce, key) === 0;
  const plain = ok ? padded.slice(ZERO_BYTES) : null;
  padded.fill(0);
  return plain;
}

export interface BoxKeyPair {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

export function boxKeyFromSeed(seed: Uint8Array): BoxKeyPair {
  const kp = nacl.box.keyPair.fromSecretKey(seed);
  return { publicKey: kp.publicKey, secretKey: kp.secretKey };
}

/** Seals a value to a recipient's box public key with a one-time sender key (an importer-key transfer). */
export function sealTo(plain: Uint8Array, recipient: Uint8Array, ephemeralSeed: Uint8Array, nonce: Uint8Array): { sender: Uint8Array; box: Uint8Array } {
  const eph = nacl.box.keyPair.fromSecretKey(ephemeralSeed);
  return { sender: eph.publicKey, box: nacl.box(plain, nonce, recipient, eph.secretKey) };
}

export function openFrom(box: Uint8Array, nonce: Uint8Array, sender: Uint8Array, recipientSecret: Uint8Array): Uint8Array | null {
  return nacl.box.open(box, nonce, sender, recipientSecret);
}


/**
 * A deterministic random generator for seeded worlds: SHA-256 in counter mode over the seed.
 * `draw` is the index of the draw, so a world that persists its draw count resumes the stream.
 */
export function seededBytes(seed: string, draw: number, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const seedBytes = new TextEncoder().encode(seed);
  const drawBytes = new TextEncoder().encode(String(draw));
  let offset = 0;
  for (let block = 0; offset < bytes; block++) {
    const chunk = sha256(seedBytes, Uint8Array.of(0), drawBytes, Uint8Array.of(0), new TextEncoder().encode(String(block)));
    out.set(chunk.subarray(0, Math.min(chunk.length, bytes - offset)), offset);
    offset += chunk.length;
  }
  return out;
}
