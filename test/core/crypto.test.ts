import test from 'ava';
import { createHash } from 'node:crypto';
import { EMPTY_VP, fromHex, seededBytes, signingKeyFromSeed, subjectKeyIdentifier, toHex, verificationPattern, xorParts } from '../../src/core/crypto.ts';

test('verification pattern: known answer for the key 00..1f (SHA-256 of 0x01 || key, last 4 bytes zero)', (t) => {
  const key = Uint8Array.from({ length: 32 }, (_, i) => i);
  // Independently computed: sha256(01 000102...1f) with the last four bytes zeroed.
  const full = createHash('sha256').update(Buffer.concat([Buffer.from([1]), Buffer.from(key)])).digest('hex');
  t.is(verificationPattern(key), `${full.slice(0, 56)}00000000`);
  t.is(verificationPattern(key), '491176b0f443c65a7c7d72df47d6cbc0d04e111fb5a619f60d3e776700000000');
});

test('verification pattern: pinned value of an all-zero key', (t) => {
  t.is(verificationPattern(new Uint8Array(32)), '1a7dfdeaffeedac489287e85be5e9c049a2ff6470f55cf30260f553900000000');
  t.not(verificationPattern(new Uint8Array(32)), EMPTY_VP);
});

test('verification pattern refuses a key that is not 32 bytes', (t) => {
  t.throws(() => verificationPattern(new Uint8Array(31)));
});

test('Ed25519 key from seed: RFC 8032 test vector 1', (t) => {
  const kp = signingKeyFromSeed(fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'));
  t.is(toHex(kp.publicKey), 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
});

test('subject key identifier: SHA-256 of the 32-byte public key, 64 hex digits', (t) => {
  const pk = fromHex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
  t.is(subjectKeyIdentifier(pk), createHash('sha256').update(Buffer.from(pk)).digest('hex'));
  t.is(subjectKeyIdentifier(pk), '21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9');
  t.throws(() => subjectKeyIdentifier(new Uint8Array(31)));
});

test('the master key is the XOR of its parts', (t) => {
  const a = new Uint8Array(32).fill(0x0f);
  const b = new Uint8Array(32).fill(0xf0);
  const c = new Uint8Array(32).fill(0xff);
  t.deepEqual(xorParts([a, b]), new Uint8Array(32).fill(0xff));
  t.deepEqual(xorParts([a, b, c]), new Uint8Array(32));
});

test('seeded bytes are reproducible and differ by draw', (t) => {
  t.deepEqual(seededBytes('s', 1, 40), seededBytes('s', 1, 40));
  t.notDeepEqual(seededBytes('s', 1, 32), seededBytes('s', 2, 32));
  t.notDeepEqual(seededBytes('s', 1, 32), seededBytes('t', 1, 32));
  t.is(seededBytes('s', 0, 100).length, 100);
});

test('seal gives the bytes of nacl.secretbox and opens only with the right key and nonce', async (t) => {
  const { default: nacl } = await import('tweetnacl');
  const { seal, unseal } = await import('../../src/core/crypto.ts');
  const key = new Uint8Array(32).fill(9);
  const nonce = new Uint8Array(24).fill(4);
  for (const size of [32, 5, 100]) {
    const plain = Uint8Array.from({ length: size }, (_, i) => i * 7);
    const box = seal(plain, nonce, key);
    t.deepEqual(box, nacl.secretbox(plain, nonce, key));
    t.deepEqual(unseal(box, nonce, key), plain);
    t.is(unseal(box, nonce, new Uint8Array(32).fill(8)), null);
    t.is(unseal(box, new Uint8Array(24), key), null);
    const altered = box.slice();
    altered[size] = (altered[size] ?? 0) ^ 1;
    t.is(unseal(altered, nonce, key), null);
  }
});
