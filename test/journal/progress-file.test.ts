import test from 'ava';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io, Progress } from '../../src/engine/io.ts';
import { clearProgress, PROGRESS_FILE, publishingIo, readProgress } from '../../src/journal/progress-file.ts';

test('a command\'s progress is published for other terminals (private, read back field by field) and cleared by its process', async (t) => {
  const home = mkdtempSync(join(tmpdir(), 'tkesim-progress-'));
  const seen: Progress[] = [];
  const inner: Io = { print: () => undefined, ask: async () => 'answer', progress: (p) => seen.push(p) };
  const io = publishingIo(inner, home, 'cryptounit-mk-commit');
  const report: Progress = { kind: 'signatures', needed: 2, signed: ['Alice'], pending: ['Bob'] };
  io.progress?.(report);
  t.deepEqual(seen, [report], 'the terminal still gets it');
  t.is(await io.ask({ kind: 'text', prompt: 'x' }), 'answer');
  t.deepEqual(readProgress(home), { pid: process.pid, command: 'cryptounit-mk-commit', progress: report });
  t.is(statSync(join(home, PROGRESS_FILE)).mode & 0o777, 0o600);
  clearProgress(home, process.pid + 1);
  t.not(readProgress(home), null);
  clearProgress(home);
  t.is(readProgress(home), null);
});

test('a malformed progress file is no progress', (t) => {
  const home = mkdtempSync(join(tmpdir(), 'tkesim-progress-'));
  for (const text of ['{', '{"pid":1,"command":"x","progress":{"kind":"signatures","needed":"2","signed":[],"pending":[]}}', '{"pid":1,"command":2,"progress":{"kind":"work","label":"x","done":1,"total":2}}']) {
    writeFileSync(join(home, PROGRESS_FILE), text);
    t.is(readProgress(home), null, text);
  }
});

test('a command killed on the way leaves its file: readers ignore it and the next command removes it', (t) => {
  const home = mkdtempSync(join(tmpdir(), 'tkesim-progress-'));
  const gone = spawnSync(process.execPath, ['-e', '']).pid;
  t.truthy(gone);
  writeFileSync(join(home, PROGRESS_FILE), JSON.stringify({ pid: gone, command: 'sim', progress: { kind: 'work', label: 'keys', done: 1, total: 9 } }));
  writeFileSync(join(home, `${PROGRESS_FILE}.${gone}.tmp`), '{');
  t.is(readProgress(home), null, 'its process is gone');
  clearProgress(home);
  t.false(existsSync(join(home, PROGRESS_FILE)));
  t.false(existsSync(join(home, `${PROGRESS_FILE}.${gone}.tmp`)), 'nor its temporary file');
});
