/**
 * Simulated KMS key storage. Each key is a 32-byte value sealed under the unit's master key with a
 * nonce derived from its index, so records are fixed-size and the whole store packs into one string.
 */
import { KEY_BYTES, NONCE_BYTES, SEAL_OVERHEAD, fromHex, seal, unseal } from './crypto.ts';
import { refusal, type Refusal } from './refusal.ts';
import type { CryptoUnit, Entropy, KeyStorage } from './types.ts';

export const KEY_RECORD_BYTES = KEY_BYTES + SEAL_OVERHEAD;
export const EMPTY_KEY_STORAGE: KeyStorage = { total: 0, sealed: '' };

function nonceFor(index: number): Uint8Array {
  const n = new Uint8Array(NONCE_BYTES);
  new DataView(n.buffer).setUint32(0, index, true);
  n.set(new TextEncoder().encode('tkesim-kms'), 8);
  return n;
}

function records(storage: KeyStorage): Buffer {
  return Buffer.from(storage.sealed, 'base64');
}

/** Plain key values to add; one draw of entropy serves every selected unit, which hold the same keystore. */
export function newKeyValues(count: number, entropy: Entropy): Uint8Array {
  return entropy(count * KEY_BYTES);
}

export function addKeys(unit: CryptoUnit, values: Uint8Array): { ok: true; unit: CryptoUnit } | { ok: false; refusal: Refusal } {
  if (unit.currentRegister.state !== 'Valid' || unit.currentRegister.key === null) return { ok: false, refusal: refusal('WK_NOT_INITIALIZED') };
  const mk = fromHex(unit.currentRegister.key);
  const count = values.length / KEY_BYTES;
  const start = unit.keyStorage.total;
  const out = Buffer.alloc(count * KEY_RECORD_BYTES);
  for (let i = 0; i < count; i++) {
    out.set(seal(values.subarray(i * KEY_BYTES, (i + 1) * KEY_BYTES), nonceFor(start + i), mk), i * KEY_RECORD_BYTES);
  }
  const sealed = Buffer.concat([records(unit.keyStorage), out]).toString('base64');
  return { ok: true, unit: { ...unit, keyStorage: { total: start + count, sealed } } };
}

/** For each stored key, in order, whether it opens under any of the given master keys (hex; nulls are skipped). */
function opensUnder(unit: CryptoUnit, keys: readonly (string | null)[]): boolean[] {
  const { total } = unit.keyStorage;
  const mks = keys.filter((k) => k !== null).map((k) => fromHex(k));
  if (mks.length === 0) return new Array<boolean>(total).fill(false);
  const data = records(unit.keyStorage);
  const out: boolean[] = [];
  for (let i = 0; i < total; i++) {
    const record = data.subarray(i * KEY_RECORD_BYTES, (i + 1) * KEY_RECORD_BYTES);
    out.push(mks.some((mk) => unseal(record, nonceFor(i), mk) !== null));
  }
  return out;
}

const count = (mask: readonly boolean[]): number => mask.filter((b) => b).length;

/** How many stored keys open under the unit's current master key. */
export function decryptableKeys(unit: CryptoUnit): number {
  if (unit.keyStorage.readable !== undefined) return unit.keyStorage.readable;
  return count(opensUnder(unit, [unit.currentRegister.key]));
}

/**
 * For each stored key, whether the unit could still bring it back: it opens under the current or
 * the new master key (during a rotation some keys are already under the new one).
 */
export function recoverableMask(unit: CryptoUnit): boolean[] {
  return opensUnder(unit, [unit.currentRegister.key, unit.newRegister.key]);
}

export function recoverableKeys(unit: CryptoUnit): number {
  return count(recoverableMask(unit));
}

/**
 * Re-enciphers key storage from the current master key to the new one, inside the unit. Keys that
 * already open under the new key are left as they are, so an interrupted rewrap can be resumed.
 * `limit` stops after that many keys were rewrapped (an interrupted rewrap, for drills).
 */
export function reencipher(unit: CryptoUnit, limit = Infinity): { unit: CryptoUnit; rewrapped: number; unreadable: number } {
  const { total } = unit.keyStorage;
  if (total === 0 || unit.newRegister.key === null) return { unit, rewrapped: 0, unreadable: 0 };
  const to = fromHex(unit.newRegister.key);
  const from = unit.currentRegister.key === null ? null : fromHex(unit.currentRegister.key);
  const data = records(unit.keyStorage);
  let rewrapped = 0;
  let unreadable = 0;
  for (let i = 0; i < total && rewrapped < limit; i++) {
    const at = i * KEY_RECORD_BYTES;
    const record = data.subarray(at, at + KEY_RECORD_BYTES);
    const nonce = nonceFor(i);
    const plain = from ? unseal(record, nonce, from) : null;
    if (plain) {
      data.set(seal(plain, nonce, to), at);
      rewrapped++;
    } else if (!unseal(record, nonce, to)) {
      unreadable++;
    }
  }
  return { unit: { ...unit, keyStorage: { total, sealed: data.toString('base64') } }, rewrapped, unreadable };
}
