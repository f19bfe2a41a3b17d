process.env.TKESIM_SCRYPT_N = '1024';
import test from 'ava';
import { readdir, readFile, rename, truncate, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { signingKeyFromSeed, sign, subjectKeyIdentifier, toHex, verify } from '../../src/core/crypto.ts';
import { WorkstationError } from '../../src/workstation/errors.ts';
import { sealSecret } from '../../src/workstation/sealed-secret.ts';
import {
  createSignatureKey, listSignatureKeys, openSignatureKey, removeSignatureKey,
} from '../../src/workstation/signature-keys.ts';
import { assertAbsent, editJson, fileState, freshDir, modeOf, random, secretForms } from './helpers.ts';

const PASSWORD = 'Admin1-pass!';

/** A random source that remembers what it handed out first: the seed of a new key. */
function recordingRandom(): { random: (n: number) => Uint8Array; seed: () => Uint8Array } {
  const drawn: Uint8Array[] = [];
  return {
    random: (n) => { const b = random(n); drawn.push(b.slice()); return b; },
    seed: () => drawn[0] ?? new Uint8Array(0),
  };
}

test('a created key is listed, and opens with its password into a working Ed25519 key', async (t) => {
  const dir = await freshDir(t);
  const src = recordingRandom();
  const entry = await createSignatureKey(dir, 'ADMIN1', PASSWORD, src.random);
  const pair = signingKeyFromSeed(src.seed());
  t.deepEqual(entry, { keynum: 1, file: join(dir, '1.sigkey'), name: 'ADMIN1', ski: subjectKeyIdentifier(pair.publicKey), publicKey: toHex(pair.publicKey) });
  t.deepEqual(await listSignatureKeys(dir), [entry]);

  const opened = await openSignatureKey(entry, PASSWORD);
  if (opened === null) return t.fail('the right password did not open the key');
  t.deepEqual(opened.publicKey, pair.publicKey);
  const message = new TextEncoder().encode('admin-add to unit 1, counter 7');
  t.true(verify(message, sign(message, opened.secretKey), pair.publicKey));

  const json = JSON.parse(await readFile(entry.file, 'utf8'));
  t.like(json, { format: 'tkesim-signature-key', version: 1, keyType: 'ed25519', name: 'ADMIN1', ski: entry.ski, publicKey: entry.publicKey });
  t.is(json.sealed.kdf.N, 1024);
});

test('signature key files are mode 0600 and hold no secret in clear', async (t) => {
  const dir = await freshDir(t);
  const src = recordingRandom();
  const entry = await createSignatureKey(dir, 'ADMIN1', PASSWORD, src.random);
  t.is(await modeOf(entry.file), 0o600);
  const seed = src.seed();
  const needles = [...secretForms(seed), ...secretForms(signingKeyFromSeed(seed).secretKey), Buffer.from(PASSWORD)];
  await assertAbsent(t, entry.file, needles);
  t.deepEqual(await readdir(dir), ['1.sigkey'], 'no temporary file is left behind');
});

test('a wrong password gives null and changes nothing', async (t) => {
  const dir = await freshDir(t);
  const entry = await createSignatureKey(dir, 'ADMIN1', PASSWORD, random);
  const before = await fileState(entry.file);
  t.is(await openSignatureKey(entry, 'admin1-pass!'), null);
  t.is(await fileState(entry.file), before);
  t.deepEqual(await readdir(dir), ['1.sigkey']);
  t.not(await openSignatureKey(entry, PASSWORD), null);
});

test('an altered sealed seed gives null, as a wrong password would', async (t) => {
  const dir = await freshDir(t);
  const entry = await createSignatureKey(dir, 'ADMIN1', PASSWORD, random);
  await editJson(entry.file, (json) => {
    const sealed = json.sealed as { data: string };
    sealed.data = (sealed.data.startsWith('0') ? '1' : '0') + sealed.data.slice(1);
  });
  t.deepEqual(await listSignatureKeys(dir), [entry], 'the public part still lists');
  t.is(await openSignatureKey(entry, PASSWORD), null);
});

test('KEYNUMs follow file numbers, and removing a middle key renumbers without reusing its file', async (t) => {
  const dir = await freshDir(t);
  const a = await createSignatureKey(dir, 'A', PASSWORD, random);
  const b = await createSignatureKey(dir, 'B', PASSWORD, random);
  const c = await createSignatureKey(dir, 'C', PASSWORD, random);
  t.deepEqual([a, b, c].map((e) => [e.keynum, basename(e.file)]), [[1, '1.sigkey'], [2, '2.sigkey'], [3, '3.sigkey']]);

  await removeSignatureKey(b);
  const after = await listSignatureKeys(dir);
  t.deepEqual(after.map((e) => [e.keynum, e.name, basename(e.file)]), [[1, 'A', '1.sigkey'], [2, 'C', '3.sigkey']]);

  const d = await createSignatureKey(dir, 'D', PASSWORD, random);
  t.deepEqual([d.keynum, basename(d.file)], [3, '4.sigkey']);
  t.not(await openSignatureKey((await listSignatureKeys(dir))[1]!, PASSWORD), null, 'C still opens as KEYNUM 2');
});

test('ten keys sort numerically, not as text', async (t) => {
  const dir = await freshDir(t);
  for (let i = 1; i <= 10; i++) await createSignatureKey(dir, `K${i}`, PASSWORD, random);
  await rename(join(dir, '3.sigkey'), join(dir, 'copied.sigkey'));
  await writeFile(join(dir, '.hidden.sigkey'), 'not json');
  await writeFile(join(dir, 'notes.txt'), 'not a key');
  t.deepEqual((await listSignatureKeys(dir)).map((e) => e.name), ['K1', 'K2', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10', 'K3']);
});

test('parallel creations never overwrite each other', async (t) => {
  const dir = await freshDir(t);
  const made = await Promise.all(Array.from({ length: 8 }, (_, i) => createSignatureKey(dir, `P${i}`, PASSWORD, random)));
  t.is(new Set(made.map((e) => e.file)).size, 8);
  const listed = await listSignatureKeys(dir);
  t.deepEqual(listed.map((e) => e.name).sort(), made.map((e) => e.name).sort());
});

async function damagedBy(t: import('ava').ExecutionContext, damage: (file: string) => Promise<void>, reason: RegExp): Promise<void> {
  const dir = await freshDir(t);
  const entry = await createSignatureKey(dir, 'ADMIN1', PASSWORD, random);
  await damage(entry.file);
  const error = await t.throwsAsync(listSignatureKeys(dir), { instanceOf: WorkstationError });
  t.true(error?.message.includes(entry.file), error?.message);
  t.regex(error?.message ?? '', reason);
  t.is(error?.file, entry.file);
  t.false(error?.message.includes(PASSWORD));
  await t.throwsAsync(openSignatureKey(entry, PASSWORD), { instanceOf: WorkstationError });
}

test('a truncated file is a WorkstationError naming it', (t) =>
  damagedBy(t, async (f) => truncate(f, 100), /truncated JSON/));
test('an empty file is a WorkstationError naming it', (t) =>
  damagedBy(t, async (f) => truncate(f, 0), /truncated JSON/));
test('a file of another format is a WorkstationError naming it', (t) =>
  damagedBy(t, (f) => editJson(f, (j) => { j.format = 'tkesim-key-part'; }), /format is not tkesim-signature-key/));
test('a file of another version is a WorkstationError naming it', (t) =>
  damagedBy(t, (f) => editJson(f, (j) => { j.version = 2; }), /unsupported version 2/));
test('a file of another key type is a WorkstationError naming it', (t) =>
  damagedBy(t, (f) => editJson(f, (j) => { j.keyType = 'p521ec'; }), /keyType/));
test('a file whose SKI does not match its public key is a WorkstationError naming it', (t) =>
  damagedBy(t, (f) => editJson(f, (j) => { j.ski = String(j.ski).replace(/^./, (c) => (c === 'a' ? 'b' : 'a')); }), /does not match the public key/));
test('a file with absurd scrypt parameters is a WorkstationError naming it', (t) =>
  damagedBy(t, (f) => editJson(f, (j) => { (j.sealed as { kdf: { N: number } }).kdf.N = 2 ** 40; }), /sealed: the scrypt parameter N/));
test('a JSON array is a WorkstationError naming it', (t) =>
  damagedBy(t, (f) => writeFile(f, '[1, 2, 3]'), /not a JSON object/));

test('a bit flipped anywhere never yields a different key and never crashes', async (t) => {
  const dir = await freshDir(t);
  const entry = await createSignatureKey(dir, 'ADMIN1', PASSWORD, random);
  const original = await readFile(entry.file);
  const outcomes = new Set<string>();
  for (let i = 0; i < original.length; i += 3) {
    const flipped = Buffer.from(original);
    flipped[i] = (flipped[i] ?? 0) ^ 0x01;
    await writeFile(entry.file, flipped);
    try {
      const [listed] = await listSignatureKeys(dir);
      if (listed === undefined) return t.fail('the key vanished');
      t.is(listed.ski, entry.ski, `flip at ${i} changed the SKI without an error`);
      const pair = await openSignatureKey(listed, PASSWORD);
      t.true(pair === null || subjectKeyIdentifier(pair.publicKey) === entry.ski);
      outcomes.add(pair === null ? 'null' : 'opened');
    } catch (e) {
      t.true(e instanceof WorkstationError && e.message.includes(entry.file), `flip at ${i}: ${String(e)}`);
      outcomes.add('error');
    }
  }
  t.true(outcomes.has('error') && outcomes.has('null'), [...outcomes].join());
});

test('a seed that does not belong to the file\'s key is a miscompare, not a wrong key', async (t) => {
  const dir = await freshDir(t);
  const entry = await createSignatureKey(dir, 'ADMIN1', PASSWORD, random);
  const otherSeed = random(32);
  const forged = await sealSecret(otherSeed, PASSWORD, random);
  await editJson(entry.file, (j) => { j.sealed = forged; });
  const error = await t.throwsAsync(openSignatureKey(entry, PASSWORD), { instanceOf: WorkstationError });
  t.regex(error?.message ?? '', /saved and calculated subject key identifiers miscompare/);
  t.true(error?.message.includes(entry.file));
  for (const form of [PASSWORD, toHex(otherSeed)]) t.false(error?.message.includes(form));
});

test('an entry whose file now holds another key is refused rather than used or removed', async (t) => {
  const dir = await freshDir(t);
  const first = await createSignatureKey(dir, 'FIRST', PASSWORD, random);
  await removeSignatureKey(first);
  const second = await createSignatureKey(dir, 'SECOND', PASSWORD, random);
  t.is(second.file, first.file, 'the highest number is reused once its file is gone');
  await t.throwsAsync(openSignatureKey(first, PASSWORD), { instanceOf: WorkstationError, message: /replaced by another key/ });
  await t.throwsAsync(removeSignatureKey(first), { instanceOf: WorkstationError });
  t.deepEqual(await listSignatureKeys(dir), [second]);
  await t.throwsAsync(removeSignatureKey({ ...second, file: join(dir, '9.sigkey') }), { instanceOf: WorkstationError, message: /9\.sigkey/ });
});

test('an empty directory lists no keys', async (t) => {
  t.deepEqual(await listSignatureKeys(await freshDir(t)), []);
});
