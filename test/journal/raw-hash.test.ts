import test from 'ava';
import { readFileSync } from 'node:fs';
import { readJournal } from '../../src/journal/journal-chain.ts';
import { entryTextMatches, headerTextMatches, viewTextMatches } from '../../src/journal/raw-hash.ts';
import { canonicalJson } from '../../src/journal/world-digest.ts';
import { recordClean, tempDir } from '../helpers/review.ts';

let lines: string[] = [];
test.before(async () => {
  const rec = await recordClean(tempDir(), 'raw');
  lines = readFileSync(rec.journal, 'utf8').split('\n').filter((l) => l !== '');
});

const parsed = (l: string): Record<string, unknown> => {
  const v: unknown = JSON.parse(l);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
  return Object.fromEntries(Object.entries(v));
};
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

test('journal lines are written as canonical JSON, and their text gives their hashes', (t) => {
  t.true(lines.length >= 4);
  for (const l of lines) t.is(l, canonicalJson(JSON.parse(l)), 'each line is canonical');
  const [header = '', ...rest] = lines;
  t.true(headerTextMatches(header, str(parsed(header).hash)));
  const commands = rest.filter((l) => parsed(l).type === 'command');
  t.true(commands.length >= 2);
  for (const l of rest) t.true(entryTextMatches(l, str(parsed(l).prev), str(parsed(l).hash)));
  for (const l of commands) t.true(viewTextMatches(l, str(parsed(l).digest)));
});

test('an edited line fails on its text and on its value; a line written in another key order still verifies', (t) => {
  const i = lines.findIndex((l) => parsed(l).type === 'command');
  const edited = (lines[i] ?? '').replace('"line":"cryptounit-add"', '"line":"cryptounit-rm"');
  t.not(edited, lines[i]);
  const e = parsed(edited);
  t.false(entryTextMatches(edited, str(e.prev), str(e.hash)));
  const tampered = [...lines];
  tampered[i] = edited;
  t.true(readJournal(`${tampered.join('\n')}\n`).problems.some((p) => /was edited/.test(p.message)));
  // Journals written before lines were canonical (JSON.stringify in insertion order, here reversed).
  const reordered = lines.map((l) => JSON.stringify(Object.fromEntries(Object.entries(parsed(l)).reverse())));
  t.not(reordered[i], lines[i]);
  t.deepEqual(readJournal(`${reordered.join('\n')}\n`).problems, []);
});

test('a view that does not match its digest is an integrity problem of its step', (t) => {
  const i = lines.findIndex((l) => parsed(l).type === 'command');
  const e = parsed(lines[i] ?? '');
  const changed = lines.map((l, k) => (k === i ? canonicalJson({ ...e, digest: '0'.repeat(64) }) : l));
  const problems = readJournal(`${changed.join('\n')}\n`).problems.map((p) => p.message);
  t.true(problems.some((m) => /the view of step 1 \(line \d+\) does not match its digest/.test(m)), problems.join(' | '));
});
