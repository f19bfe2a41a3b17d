import test from 'ava';
import { addKeys, decryptableKeys, newKeyValues, reencipher } from '../../src/core/key-storage.ts';
import type { CryptoUnit } from '../../src/core/types.ts';
import { ALICE, BOB, KEY_A, KEY_B, initialized, loadCommand, must, secured, seeded, vp } from '../helpers/core.ts';

function withKeys(u: CryptoUnit, n: number): CryptoUnit {
  const r = addKeys(u, newKeyValues(n, seeded('kms')));
  if (!r.ok) throw new Error(r.refusal.code);
  return r.unit;
}

function committed(u: CryptoUnit, key: Uint8Array): CryptoUnit {
  const loaded = must(u, loadCommand(u, key), [ALICE]);
  return must(loaded, { kind: 'mk-commit', vp: vp(key) }, [ALICE, BOB]);
}

test('keys cannot be stored without a Valid current register (CKR_IBM_WK_NOT_INITIALIZED)', (t) => {
  const r = addKeys(secured(), newKeyValues(3, seeded()));
  t.is(r.ok ? '' : r.refusal.message, 'CKR_IBM_WK_NOT_INITIALIZED');
});

test('stored keys decrypt under the current master key', (t) => {
  const u = withKeys(initialized(KEY_A), 100);
  t.is(u.keyStorage.total, 100);
  t.is(decryptableKeys(u), 100);
  t.is(decryptableKeys(withKeys(u, 5)), 105);
});

test('rotation re-enciphers every key; promotion keeps them readable', (t) => {
  const u = committed(withKeys(initialized(KEY_A), 50), KEY_B);
  const r = reencipher(u);
  t.is(r.rewrapped, 50);
  t.is(decryptableKeys(r.unit), 0, 'after the rewrap and before promotion, keys open only under the new key');
  const promoted = must(r.unit, { kind: 'mk-setimm' }, [ALICE]);
  t.is(decryptableKeys(promoted), 50);
});

test('an interrupted rewrap resumes: keys already under the new key are left as they are', (t) => {
  const u = committed(withKeys(initialized(KEY_A), 20), KEY_B);
  const once = reencipher(u).unit;
  const twice = reencipher(once);
  t.is(twice.rewrapped, 0);
  t.is(twice.unreadable, 0);
  t.is(decryptableKeys(must(twice.unit, { kind: 'mk-setimm' }, [ALICE])), 20);
});

test('setimm of a different master key without re-enciphering leaves key storage unreadable', (t) => {
  const u = committed(withKeys(initialized(KEY_A), 30), KEY_B);
  const after = must(u, { kind: 'mk-setimm' }, [ALICE]);
  t.is(decryptableKeys(after), 0);
  t.is(after.keyStorage.total, 30);
});

test('zeroize crypto-shreds key storage; restoring the same master key makes it readable again', (t) => {
  const u = withKeys(initialized(KEY_A), 10);
  const z = must(u, { kind: 'zeroize' }, [ALICE]);
  t.is(decryptableKeys(z), 0);
  t.is(z.keyStorage.total, 10);
  t.is(decryptableKeys({ ...z, currentRegister: { state: 'Valid', key: u.currentRegister.key } }), 10);
});
