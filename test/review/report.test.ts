import test from 'ava';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJournal } from '../../src/journal/journal-chain.ts';
import { EMPTY_ATTEMPT, score } from '../../src/journal/scoring.ts';
import { reviewJournal } from '../../src/review/analyse.ts';
import { renderReport } from '../../src/review/report-cli.ts';
import { ensureBuilt, newHome, tkesim } from '../helpers/cli.ts';
import { recordClean, recordLesson, recordMistakes, tempDir, type Recording } from '../helpers/review.ts';

test.before(ensureBuilt);

const dir = tempDir();
let mistakes: Recording;
let lesson: Awaited<ReturnType<typeof recordLesson>>;
let clean: Recording;
test.before(async () => {
  mistakes = await recordMistakes(dir);
  lesson = await recordLesson(dir);
  clean = await recordClean(dir);
});

const review = (file: string) => reviewJournal(file, readJournal(readFileSync(file, 'utf8')));

test('a recording with known mistakes: each is listed with its step and sentence, and the score follows the lesson rules', (t) => {
  const r = review(mistakes.journal);
  t.is(r.trainee, 'Ann Lee');
  t.is(r.steps.length, 22);
  t.deepEqual(r.mistakes.map((m) => `${m.step} ${m.kind}`), ['4 wrong-password', '13 refusal']);
  const [wrong, refused] = r.mistakes;
  t.regex(wrong?.sentence ?? '', /^The password for KEYNUM 1 is not valid\./);
  if (refused?.kind !== 'refusal') return t.fail('step 13 is a refusal');
  t.is(refused.line, 'cryptounit-mk-commit');
  t.is(refused.returnCode, 208);
  t.regex(refused.sentence, /Select more administrator signature keys with sigkey-sel/);
  t.deepEqual(r.breaches.map((b) => b.step), [10, 22]);
  t.regex(r.breaches[0]?.text ?? '', /the same password protects the key part "one" and the key part "two"/);
  t.regex(r.breaches[1]?.text ?? '', /stored keys became unreadable on units 1, 2/);
  // The lesson's scoring rules, applied by hand: one refusal, one wrong password, two breaches,
  // no reference solution (commands are not counted against one).
  const [attempt] = r.attempts;
  const expected = score({ ...EMPTY_ATTEMPT, commands: attempt?.attempt.commands ?? 0, refusals: 1, wrongPasswords: 1, breaches: r.breaches.map((b) => b.text) }, attempt?.attempt.commands ?? 0);
  t.is(r.attempts.length, 1);
  t.deepEqual(attempt?.score, expected);
  t.is(expected.points, 100 - 5 - 3 - 15 - 15);
  t.true(r.steps.every((s) => s.seconds > 0));

  const md = renderReport([r], false, false);
  t.regex(md, /\| 4 \| `sigkey-sel` \| wrong password \| The password for KEYNUM 1 is not valid/);
  t.regex(md, /\| 13 \| `cryptounit-mk-commit` \| refused \(return code 208, reason code none\) \|.*Select more administrator signature keys/);
  t.regex(md, /\*\*step 10:\*\* the same password protects/);
  t.regex(md, /\*\*step 22:\*\* stored keys became unreadable/);
  t.regex(md, /\*\*Score 62\/100\*\*/);
  t.regex(md, /\| 22 \| .* \| `cryptounit-mk-setimm` \| ok \| \d+\.\d s \|/);
});

test('a lesson recording carries its lesson, hints and score; the report scores it as the lesson did', (t) => {
  const r = review(lesson.journal);
  t.is(r.trainee, 'Bo Chen');
  t.is(r.attempts.length, 1);
  const [a] = r.attempts;
  t.is(a?.lesson?.id, '04-key-parts');
  t.true(a?.completed);
  t.deepEqual(r.hints.map((h) => `${h.lessonStep}/${h.tier}`), ['1/1', '3/1']);
  t.not(lesson.lessonScore, null);
  t.is(a?.lessonScore, lesson.lessonScore, 'the journal holds the lesson\'s own score');
  t.is(a?.score.points, lesson.lessonScore ?? -1, 'the report scores the attempt exactly as the lesson did');
  t.deepEqual(r.mistakes.map((m) => `${m.step} ${m.kind}`), ['4 usage']);
  t.regex(r.breaches[0]?.text ?? '', /the same password protects the key part "part Dave" and the key part "part Erin"/);
  const md = renderReport([r], false, false);
  t.regex(md, /lesson 4: Master key parts and their custodians/);
  t.regex(md, /hint 1\/3 \(a nudge, -2\) for lesson step 1, before the first command/);
});

test('the class table over three recordings, and a section per trainee, through the binary', async (t) => {
  const home = newHome();
  const classDir = join(home.dir, 'class');
  mkdirSync(classDir);
  for (const rec of [mistakes, lesson, clean]) writeFileSync(join(classDir, rec.journal.split('/').pop() ?? ''), readFileSync(rec.journal));
  const r = await tkesim(home, ['report', classDir]);
  t.is(r.code, 0, r.err);
  const rows = r.out.split('\n').filter((l) => /^\| (Ann Lee|Bo Chen|Cy Diaz) \|/.test(l));
  t.is(rows.length, 3, r.out.slice(0, 800));
  const row = (who: string) => rows.find((l) => l.startsWith(`| ${who} |`)) ?? '';
  t.regex(row('Ann Lee'), /^\| Ann Lee \| mistakes \| 62 \| 4 \| /);
  t.regex(row('Bo Chen'), new RegExp(`^\\| Bo Chen \\| lesson 4: Master key parts and their custodians \\| ${lesson.lessonScore ?? 'x'} \\| 2 \\| `));
  t.regex(row('Cy Diaz'), /^\| Cy Diaz \| clean \| 100 \| 0 \| /);
  for (const who of ['Ann Lee', 'Bo Chen', 'Cy Diaz']) t.regex(r.out, new RegExp(`^## ${who}$`, 'm'));
  t.regex(r.out, /^### Review: mistakes \(Ann Lee\)$/m);
  const html = await tkesim(home, ['report', mistakes.journal, lesson.journal, clean.journal, '--html']);
  t.is(html.code, 0, html.err);
  t.regex(html.out, /^<!doctype html>/);
  t.regex(html.out, /<td>Ann Lee<\/td><td>mistakes<\/td><td>62<\/td>/);
  t.notRegex(html.out, /<script|<link|src=|https?:\/\//, 'one self-contained page');
});

test('no secret of the recorded sessions is in the reports', async (t) => {
  const home = newHome();
  for (const rec of [mistakes, lesson]) {
    for (const args of [[rec.journal], [rec.journal, '--html']]) {
      const r = await tkesim(home, ['report', ...args]);
      t.is(r.code, 0, r.err);
      for (const secret of rec.secrets) t.false(r.out.includes(secret), `${secret} is in the report`);
    }
  }
});

test('report: one clear sentence for a missing, unreadable or foreign file; --help', async (t) => {
  const home = newHome();
  const missing = await tkesim(home, ['report', join(home.dir, 'nope.journal.jsonl')]);
  t.is(missing.code, 1);
  t.regex(missing.err, /nope\.journal\.jsonl was not found\.\n$/);
  t.notRegex(missing.err, /ENOENT|at .*\.js/);
  const foreign = join(home.dir, 'notes.journal.jsonl');
  writeFileSync(foreign, 'hello\n');
  const notJournal = await tkesim(home, ['report', foreign]);
  t.is(notJournal.code, 1);
  t.regex(notJournal.err, /notes\.journal\.jsonl: This is not a tkesim journal/);
  const locked = join(home.dir, 'locked.journal.jsonl');
  writeFileSync(locked, readFileSync(clean.journal));
  chmodSync(locked, 0o000);
  if (process.getuid?.() !== 0) {
    const unreadable = await tkesim(home, ['report', locked]);
    t.is(unreadable.code, 1);
    t.regex(unreadable.err, /locked\.journal\.jsonl could not be read \(permission denied\)\./);
  }
  const empty = join(home.dir, 'empty');
  mkdirSync(empty);
  const none = await tkesim(home, ['report', empty]);
  t.regex(none.err, /holds no recording/);
  const help = await tkesim(home, ['report', '--help']);
  t.is(help.code, 0);
  t.regex(help.out, /USAGE: tkesim report FILE\.\.\. \[--html\]/);
});
