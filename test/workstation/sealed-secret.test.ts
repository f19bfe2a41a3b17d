process.env.TKESIM_SCRYPT_N = '1024';
import test from 'ava';
import {
  DEFAULT_SCRYPT_N, openSecret, parseSealedSecret, scryptCostForNewFiles, sealSecret, type SealedSecret,
} from '../../src/workstation/sealed-secret.ts';
import { countingRandom, random } from './helpers.ts';

const secret = Uint8Array.from({ length: 32 }, (_, i) => 200 - i);
const password = 'correct horse battery staple';

/** Flips one bit of the hex digit at `index` of a hex string, keeping it valid hex. */
function flipHexDigit(hex: string, index: number): string {
  const digit = parseInt(hex.charAt(index), 16) ^ 1;
  return hex.slice(0, index) + digit.toString(16) + hex.slice(index + 1);
}

test('a sealed secret opens with its password and gives back the same bytes', async (t) => {
  const sealed = await sealSecret(secret, password, random);
  t.deepEqual(await openSecret(sealed, password), secret);
  t.is(sealed.cipher, 'aes-256-gcm');
  t.deepEqual({ ...sealed.kdf, salt: '' }, { name: 'scrypt', N: 1024, r: 8, p: 1, salt: '' });
  t.is(sealed.nonce.length, 24);
  t.is(sealed.data.length, (32 + 16) * 2);
});

test('a wrong password gives null', async (t) => {
  const sealed = await sealSecret(secret, password, random);
  t.is(await openSecret(sealed, 'correct horse battery stapler'), null);
  t.is(await openSecret(sealed, ''), null);
});

test('any altered ciphertext, tag, nonce or salt gives null', async (t) => {
  const sealed = await sealSecret(secret, password, random);
  const variants: SealedSecret[] = [
    { ...sealed, data: flipHexDigit(sealed.data, 0) },
    { ...sealed, data: flipHexDigit(sealed.data, 40) },
    { ...sealed, data: flipHexDigit(sealed.data, sealed.data.length - 1) },
    { ...sealed, data: sealed.data.slice(0, -2) },
    { ...sealed, nonce: flipHexDigit(sealed.nonce, 5) },
    { ...sealed, kdf: { ...sealed.kdf, salt: flipHexDigit(sealed.kdf.salt, 7) } },
    { ...sealed, kdf: { ...sealed.kdf, N: 2048 } },
    { ...sealed, kdf: { ...sealed.kdf, r: 9 } },
  ];
  for (const variant of variants) t.is(await openSecret(variant, password), null);
  t.deepEqual(await openSecret(sealed, password), secret, 'the original still opens');
});

test('salt and nonce come from the random source, so the same source gives the same file', async (t) => {
  const a = await sealSecret(secret, password, countingRandom(5));
  const b = await sealSecret(secret, password, countingRandom(5));
  const c = await sealSecret(secret, password, countingRandom(6));
  t.deepEqual(a, b);
  t.notDeepEqual(a.data, c.data);
  t.is(a.kdf.salt, Buffer.from(countingRandom(5)(32)).toString('hex'), 'the salt is the first 32 bytes drawn');
});

test('the password is normalized, so composed and decomposed accents are the same password', async (t) => {
  const sealed = await sealSecret(secret, 'caf\u00e9', random);
  t.deepEqual(await openSecret(sealed, 'cafe\u0301'), secret);
});

test('the scrypt cost for new files follows TKESIM_SCRYPT_N only when it is a sane power of two', (t) => {
  t.is(DEFAULT_SCRYPT_N, 32768);
  t.is(scryptCostForNewFiles({}), 32768);
  t.is(scryptCostForNewFiles({ TKESIM_SCRYPT_N: '1024' }), 1024);
  t.is(scryptCostForNewFiles({ TKESIM_SCRYPT_N: '1048576' }), 1048576);
  for (const bad of ['512', '1000', '2097152', 'abc', '', '1024.0', '-1024']) {
    t.is(scryptCostForNewFiles({ TKESIM_SCRYPT_N: bad }), 32768, bad);
  }
});

test('absurd or malformed parameters are rejected before any key is derived', async (t) => {
  const sealed = await sealSecret(secret, password, random);
  const broken: unknown[] = [
    null,
    { ...sealed, cipher: 'aes-128-cbc' },
    { ...sealed, kdf: { ...sealed.kdf, name: 'pbkdf2' } },
    { ...sealed, kdf: { ...sealed.kdf, N: 3000 } },
    { ...sealed, kdf: { ...sealed.kdf, N: 2 ** 30 } },
    { ...sealed, kdf: { ...sealed.kdf, N: 512 } },
    { ...sealed, kdf: { ...sealed.kdf, N: '1024' } },
    { ...sealed, kdf: { ...sealed.kdf, r: 0 } },
    { ...sealed, kdf: { ...sealed.kdf, p: 1000 } },
    { ...sealed, kdf: { ...sealed.kdf, N: 2 ** 20, r: 16 } },
    { ...sealed, kdf: { ...sealed.kdf, salt: 'zz' + sealed.kdf.salt.slice(2) } },
    { ...sealed, kdf: { ...sealed.kdf, salt: 'abcd' } },
    { ...sealed, nonce: sealed.nonce + '00' },
    { ...sealed, nonce: sealed.nonce.slice(1) },
    { ...sealed, data: sealed.data.slice(0, 32) },
    { ...sealed, data: undefined },
  ];
  for (const value of broken) {
    t.throws(() => parseSealedSecret(value), { instanceOf: Error }, JSON.stringify(value));
  }
  const absurd = { ...sealed, kdf: { ...sealed.kdf, N: 2 ** 30 } };
  await t.throwsAsync(openSecret(absurd, password), { message: /power of two/ });
  t.deepEqual(parseSealedSecret(JSON.parse(JSON.stringify(sealed))), sealed);
});

test('the sealed form holds neither the secret nor the password in any encoding', async (t) => {
  const sealed = await sealSecret(secret, password, random);
  const text = JSON.stringify(sealed);
  const hex = Buffer.from(secret).toString('hex');
  for (const form of [hex, hex.toUpperCase(), Buffer.from(secret).toString('base64'), password, Buffer.from(password).toString('hex')]) {
    t.false(text.includes(form));
  }
});

test('secrets of a wrong size and short random sources are refused', async (t) => {
  await t.throwsAsync(sealSecret(new Uint8Array(0), password, random));
  await t.throwsAsync(sealSecret(new Uint8Array(2000), password, random));
  await t.throwsAsync(sealSecret(secret, password, () => new Uint8Array(4)), { message: /random source/ });
});
