process.env.TKESIM_SCRYPT_N = '1024';
import test from 'ava';
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { toHex, verificationPattern } from '../../src/core/crypto.ts';
import { WorkstationError } from '../../src/workstation/errors.ts';
import { createKeyPart, listKeyParts, openKeyPart, removeKeyPart } from '../../src/workstation/key-parts.ts';
import { sealSecret } from '../../src/workstation/sealed-secret.ts';
import { assertAbsent, editJson, fileState, freshDir, modeOf, random, secretForms } from './helpers.ts';

const PASSWORD = 'custodian-1 secret';
const part = (fill: number) => new Uint8Array(32).fill(fill).map((b, i) => (b + i * 7) & 0xff);

test('a created key part is listed with its VP and opens to the same value', async (t) => {
  const dir = await freshDir(t);
  const value = part(0x11);
  const entry = await createKeyPart(dir, 'first part', value, PASSWORD, random);
  t.deepEqual(entry, { keynum: 1, file: join(dir, '1.mkpart'), description: 'first part', vp: verificationPattern(value) });
  t.deepEqual(await listKeyParts(dir), [entry]);
  t.deepEqual(await openKeyPart(entry, PASSWORD), value);
  t.like(JSON.parse(await readFile(entry.file, 'utf8')), { format: 'tkesim-key-part', version: 1, description: 'first part', vp: entry.vp });
  t.deepEqual(value, part(0x11), 'the caller\'s value is left as it was');
});

test('key part files are mode 0600 and hold neither the value nor the password', async (t) => {
  const dir = await freshDir(t);
  const value = part(0x42);
  const entry = await createKeyPart(dir, 'p', value, PASSWORD, random);
  t.is(await modeOf(entry.file), 0o600);
  await assertAbsent(t, entry.file, [...secretForms(value), Buffer.from(PASSWORD)]);
  t.deepEqual(await readdir(dir), ['1.mkpart']);
});

test('a wrong password gives null and changes nothing; an altered value gives null', async (t) => {
  const dir = await freshDir(t);
  const entry = await createKeyPart(dir, 'p', part(1), PASSWORD, random);
  const before = await fileState(entry.file);
  t.is(await openKeyPart(entry, 'custodian-2 secret'), null);
  t.is(await fileState(entry.file), before);
  await editJson(entry.file, (j) => {
    const sealed = j.sealed as { data: string };
    sealed.data = sealed.data.slice(0, 10) + (sealed.data[10] === 'f' ? 'e' : 'f') + sealed.data.slice(11);
  });
  t.is(await openKeyPart(entry, PASSWORD), null);
});

test('KEYNUMs renumber after removing a middle part; new parts take the next file number', async (t) => {
  const dir = await freshDir(t);
  const [a, b, c] = [
    await createKeyPart(dir, 'A', part(1), PASSWORD, random),
    await createKeyPart(dir, 'B', part(2), PASSWORD, random),
    await createKeyPart(dir, 'C', part(3), PASSWORD, random),
  ];
  t.deepEqual([a.keynum, b.keynum, c.keynum], [1, 2, 3]);
  await removeKeyPart(b);
  t.deepEqual((await listKeyParts(dir)).map((e) => [e.keynum, e.description, basename(e.file)]), [[1, 'A', '1.mkpart'], [2, 'C', '3.mkpart']]);
  const d = await createKeyPart(dir, 'D', part(4), PASSWORD, random);
  t.deepEqual([d.keynum, basename(d.file)], [3, '4.mkpart']);
  t.deepEqual(await openKeyPart((await listKeyParts(dir))[1]!, PASSWORD), part(3));
});

test('key parts and signature keys do not see each other\'s files', async (t) => {
  const dir = await freshDir(t);
  await createKeyPart(dir, 'A', part(1), PASSWORD, random);
  await writeFile(join(dir, '7.sigkey'), '{}');
  t.is((await listKeyParts(dir)).length, 1);
});

test('a part value that is not 32 bytes is refused', async (t) => {
  const dir = await freshDir(t);
  await t.throwsAsync(createKeyPart(dir, 'short', new Uint8Array(31), PASSWORD, random), { message: /32 bytes/ });
  t.deepEqual(await readdir(dir), []);
});

const damages: [string, (file: string) => Promise<void>, RegExp][] = [
  ['truncated', (f) => truncate(f, 60), /truncated JSON/],
  ['another format', (f) => editJson(f, (j) => { j.format = 'tkesim-signature-key'; }), /format is not tkesim-key-part/],
  ['another version', (f) => editJson(f, (j) => { j.version = 0; }), /unsupported version 0/],
  ['a malformed VP', (f) => editJson(f, (j) => { j.vp = 'xyz'; }), /vp is not 64 lower-case hex digits/],
  ['a VP with a non-zero tail', (f) => editJson(f, (j) => { j.vp = '1'.repeat(64); }), /vp is not a verification pattern/],
  ['no description', (f) => editJson(f, (j) => { delete j.description; }), /description is missing/],
  ['a malformed nonce', (f) => editJson(f, (j) => { (j.sealed as { nonce: string }).nonce = 'abc'; }), /sealed: nonce/],
];
for (const [what, damage, reason] of damages) {
  test(`a key part file with ${what} is a WorkstationError naming it`, async (t) => {
    const dir = await freshDir(t);
    const entry = await createKeyPart(dir, 'p', part(9), PASSWORD, random);
    await damage(entry.file);
    const error = await t.throwsAsync(listKeyParts(dir), { instanceOf: WorkstationError });
    t.true(error?.message.startsWith(`The master key part file ${entry.file} is damaged`), error?.message);
    t.regex(error?.message ?? '', reason);
    await t.throwsAsync(openKeyPart(entry, PASSWORD), { instanceOf: WorkstationError });
  });
}

test('a bit flipped anywhere never yields a different value and never crashes', async (t) => {
  const dir = await freshDir(t);
  const value = part(0x5a);
  const entry = await createKeyPart(dir, 'p', value, PASSWORD, random);
  const original = await readFile(entry.file);
  for (let i = 0; i < original.length; i += 3) {
    const flipped = Buffer.from(original);
    flipped[i] = (flipped[i] ?? 0) ^ 0x02;
    await writeFile(entry.file, flipped);
    try {
      const [listed] = await listKeyParts(dir);
      if (listed === undefined) return t.fail('the part vanished');
      const opened = await openKeyPart(listed, PASSWORD);
      t.true(opened === null || toHex(opened) === toHex(value), `flip at ${i} gave another value`);
    } catch (e) {
      t.true(e instanceof WorkstationError && e.message.includes(entry.file), `flip at ${i}: ${String(e)}`);
    }
  }
});

test('a sealed value whose VP does not match the file is a miscompare naming the file', async (t) => {
  const dir = await freshDir(t);
  const entry = await createKeyPart(dir, 'p', part(1), PASSWORD, random);
  const other = part(2);
  const forged = await sealSecret(other, PASSWORD, random);
  await editJson(entry.file, (j) => { j.sealed = forged; });
  const error = await t.throwsAsync(openKeyPart(entry, PASSWORD), { instanceOf: WorkstationError });
  t.regex(error?.message ?? '', /saved and calculated verification patterns miscompare/);
  t.true(error?.message.includes(entry.file));
  for (const form of [PASSWORD, toHex(other), toHex(part(1))]) t.false(error?.message.includes(form));
});
