import test from 'ava';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendHistory, formatHistory, HISTORY_LIMIT, loadHistory, parseHistory, saveHistory } from '../../src/shell/history-file.ts';

const scratch = () => mkdtemp(join(tmpdir(), 'tkesim-history-'));

test('round trip, including lines with quotes, backslashes and unicode', async (t) => {
  const dir = await scratch();
  const path = join(dir, 'nested', 'history');
  const lines = ['cryptounits', 'sigkey-add "Alice Smith"', 'echo \\n', 'ibmcloud tke mk-add --random  ', 'Zoë ≠ 😀'];
  await saveHistory(path, lines);
  t.deepEqual(await loadHistory(path), lines);
  t.is(await readFile(path, 'utf8'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
});

test('a missing file is an empty history', async (t) => {
  t.deepEqual(await loadHistory(join(await scratch(), 'none')), []);
});

test('the file is readable by its owner only, and no temporary file is left behind', async (t) => {
  const dir = await scratch();
  const path = join(dir, 'history');
  await writeFile(path, 'old\n', { mode: 0o644 });
  await saveHistory(path, ['cryptounits']);
  t.is((await stat(path)).mode & 0o777, 0o600);
  t.deepEqual(await readdir(dir), ['history']);
});

test('capped at the last HISTORY_LIMIT entries, on save and on load', async (t) => {
  const dir = await scratch();
  const path = join(dir, 'history');
  const many = Array.from({ length: HISTORY_LIMIT + 50 }, (_, i) => `cmd ${i}`);
  await saveHistory(path, many);
  const loaded = await loadHistory(path);
  t.is(loaded.length, HISTORY_LIMIT);
  t.is(loaded[0], 'cmd 50');
  t.is(loaded.at(-1), `cmd ${HISTORY_LIMIT + 49}`);
  await writeFile(path, many.join('\n'));
  t.is((await loadHistory(path)).length, HISTORY_LIMIT);
});

test('plain lines (older or hand-written files) are read too; blank lines skipped', (t) => {
  t.deepEqual(parseHistory('cryptounits\n\n"sigkeys"\r\n"unterminated\nmks\n'), ['cryptounits', 'sigkeys', '"unterminated', 'mks']);
  t.is(formatHistory(['a', '  ', 'b']), '"a"\n"b"\n');
});

test('append adds to what other sessions saved, skipping blanks and an immediate repeat', async (t) => {
  const dir = await scratch();
  const path = join(dir, 'history');
  await saveHistory(path, ['from another shell']);
  t.deepEqual(await appendHistory(path, 'cryptounits'), ['from another shell', 'cryptounits']);
  t.deepEqual(await appendHistory(path, 'cryptounits'), ['from another shell', 'cryptounits']);
  t.deepEqual(await appendHistory(path, '   '), ['from another shell', 'cryptounits']);
  t.deepEqual(await loadHistory(path), ['from another shell', 'cryptounits']);
});
