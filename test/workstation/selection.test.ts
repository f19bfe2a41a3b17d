process.env.TKESIM_SCRYPT_N = '1024';
import test from 'ava';
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { WorkstationError } from '../../src/workstation/errors.ts';
import { readSelection, updateSelection } from '../../src/workstation/selection.ts';
import { fileState, freshDir, modeOf } from './helpers.ts';

const SKI_A = 'a'.repeat(64);
const SKI_B = '0123456789abcdef'.repeat(4);

test('no selection file is the empty selection, and reading creates nothing', async (t) => {
  const dir = await freshDir(t);
  t.deepEqual(await readSelection(dir), { units: [], signatureKeys: [] });
  t.deepEqual(await readdir(dir), []);
});

test('an update is saved (mode 0600, versioned) and read back', async (t) => {
  const dir = await freshDir(t);
  const saved = await updateSelection(dir, () => ({ units: ['unit-1', 'unit-3'], signatureKeys: [SKI_A, SKI_B] }));
  t.deepEqual(saved, { units: ['unit-1', 'unit-3'], signatureKeys: [SKI_A, SKI_B] });
  t.deepEqual(await readSelection(dir), saved);
  const file = join(dir, 'SELECTION.json');
  t.deepEqual(JSON.parse(await readFile(file, 'utf8')), { format: 'tkesim-selection', version: 1, units: ['unit-1', 'unit-3'], signatureKeys: [SKI_A, SKI_B] });
  t.is(await modeOf(file), 0o600);
  t.deepEqual(await readdir(dir), ['SELECTION.json'], 'the lock and temporary files are gone');

  const next = await updateSelection(dir, (s) => ({ ...s, units: s.units.filter((u) => u !== 'unit-1') }));
  t.deepEqual(next, { units: ['unit-3'], signatureKeys: [SKI_A, SKI_B] });
  t.deepEqual(await readSelection(dir), next);
});

test('a selection is a set: repeated entries are kept once, in first order', async (t) => {
  const dir = await freshDir(t);
  const saved = await updateSelection(dir, () => ({ units: ['u2', 'u1', 'u2'], signatureKeys: [SKI_B, SKI_B] }));
  t.deepEqual(saved, { units: ['u2', 'u1'], signatureKeys: [SKI_B] });
});

test('twenty parallel updates all survive', async (t) => {
  const dir = await freshDir(t);
  await Promise.all(Array.from({ length: 20 }, (_, i) => updateSelection(dir, (s) => ({ ...s, units: [...s.units, `unit-${i}`] }))));
  const { units } = await readSelection(dir);
  t.is(units.length, 20);
  t.deepEqual([...units].sort(), Array.from({ length: 20 }, (_, i) => `unit-${i}`).sort());
  t.deepEqual(await readdir(dir), ['SELECTION.json']);
});

test('updates from several processes all survive', async (t) => {
  const dir = await freshDir(t);
  const fixture = fileURLToPath(new URL('./fixtures/append-selection.ts', import.meta.url));
  const cwd = fileURLToPath(new URL('../..', import.meta.url));
  const run = promisify(execFile);
  const startAt = String(Date.now() + 2500);
  const prefixes = ['p', 'q', 'r'];
  await Promise.all(prefixes.map((prefix) => run(process.execPath, ['--import', 'tsx', fixture, dir, prefix, '20', startAt], { cwd })));
  const { units } = await readSelection(dir);
  t.is(units.length, 60);
  for (const prefix of prefixes) {
    const expected = Array.from({ length: 20 }, (_, i) => `${prefix}-${i}`);
    t.deepEqual(units.filter((u) => u.startsWith(`${prefix}-`)), expected, 'each process\'s appends keep their order');
  }
  t.deepEqual(await readdir(dir), ['SELECTION.json']);
});

test('a failing or invalid update changes nothing and releases the lock', async (t) => {
  const dir = await freshDir(t);
  await updateSelection(dir, () => ({ units: ['u1'], signatureKeys: [] }));
  const before = await fileState(join(dir, 'SELECTION.json'));
  await t.throwsAsync(updateSelection(dir, () => { throw new Error('boom'); }), { message: 'boom' });
  await t.throwsAsync(updateSelection(dir, (s) => ({ ...s, signatureKeys: ['not-a-ski'] })), { message: /subject key identifier/ });
  await t.throwsAsync(updateSelection(dir, (s) => ({ ...s, units: [''] })), { message: /crypto unit id/ });
  t.is(await fileState(join(dir, 'SELECTION.json')), before);
  t.deepEqual(await readdir(dir), ['SELECTION.json']);
  t.deepEqual(await updateSelection(dir, (s) => ({ ...s, units: [...s.units, 'u2'] })), { units: ['u1', 'u2'], signatureKeys: [] });
});

const damaged: [string, string, RegExp][] = [
  ['truncated', '{"format": "tkesim-selection", "version": 1, "units": ["u', /truncated JSON/],
  ['another format', '{"format": "DOMAINS", "version": 1, "units": [], "signatureKeys": []}', /format is not tkesim-selection/],
  ['another version', '{"format": "tkesim-selection", "version": 7, "units": [], "signatureKeys": []}', /unsupported version 7/],
  ['a bad SKI', '{"format": "tkesim-selection", "version": 1, "units": [], "signatureKeys": ["xyz"]}', /signatureKeys/],
  ['units not a list', '{"format": "tkesim-selection", "version": 1, "units": "u1", "signatureKeys": []}', /units/],
];
for (const [what, content, reason] of damaged) {
  test(`a selection file with ${what} is a WorkstationError naming it, also for updates`, async (t) => {
    const dir = await freshDir(t);
    const file = join(dir, 'SELECTION.json');
    await writeFile(file, content);
    const error = await t.throwsAsync(readSelection(dir), { instanceOf: WorkstationError });
    t.true(error?.message.startsWith(`The selection file ${file} is damaged`), error?.message);
    t.regex(error?.message ?? '', reason);
    await t.throwsAsync(updateSelection(dir, (s) => s), { instanceOf: WorkstationError });
    t.is(await readFile(file, 'utf8'), content, 'a damaged file is not overwritten');
  });
}
