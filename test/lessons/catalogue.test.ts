/**
 * The catalogue test: for every lesson, its reference solution played from its start state completes
 * every step in order (each step exactly when its own lines are done), with a clean score; and each
 * of its wrong routes (at least two) does not complete it.
 */
import test from 'ava';
import { LESSONS } from '../../src/lessons/catalogue/index.ts';
import { missing, play, preparedSession } from './helpers.ts';

test('the catalogue has at least the eight lessons of the course, in order, with unique ids and seeds', (t) => {
  t.true(LESSONS.length >= 8);
  t.deepEqual(LESSONS.slice(0, 8).map((l) => l.id.slice(0, 2)), ['01', '02', '03', '04', '05', '06', '07', '08']);
  t.is(new Set(LESSONS.map((l) => l.id)).size, LESSONS.length);
  t.is(new Set(LESSONS.map((l) => l.seed)).size, LESSONS.length);
});

for (const [index, lesson] of LESSONS.entries()) {
  const name = `lesson ${index + 1} (${lesson.id})`;

  test(`${name}: the solution completes every step in order, with a clean score`, async (t) => {
    const session = await preparedSession(lesson, index + 1);
    t.is(session.completed, 0, 'no step is done in the start state');
    for (const [k, step] of lesson.steps.entries()) {
      t.is(session.completed, k, `before step ${k + 1} (${step.title})`);
      for (const line of step.solution) {
        const { outcome, printed } = await play(session, line);
        t.is(outcome.status, 'ok', `step ${k + 1}: ${line.line}\n${printed}`);
      }
      t.is(session.completed, k + 1, `after the lines of step ${k + 1} (${step.title}), still missing: ${missing(session)}`);
    }
    t.true(session.finished);
    t.is(session.score?.points, 100, JSON.stringify(session.score?.deductions));
  });

  test(`${name}: at least two wrong routes, and none completes the lesson`, async (t) => {
    t.true(lesson.wrongRoutes.length >= 2);
    for (const route of lesson.wrongRoutes) {
      const session = await preparedSession(lesson, index + 1);
      for (const line of route.lines) await play(session, line);
      t.false(session.finished, `the wrong route "${route.why}" completed the lesson`);
    }
  });
}

/** Reads the command and the answers off the text of a third-tier hint, as a trainee would. */
function readHint(text: string): { line: string; answers: string[] } | null {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('  tkesim> '));
  if (at < 0) return null;
  const answers: string[] = [];
  for (const l of lines.slice(at + 1)) {
    const a = /^ {2}> (\S(?:.*?\S)?)(?: {3,}\(.*\))?$/.exec(l);
    if (!a) break;
    answers.push(a[1] ?? '');
  }
  return { line: (lines[at] ?? '').slice('  tkesim> '.length), answers };
}

for (const [index, lesson] of LESSONS.entries()) {
  test(`lesson ${index + 1} (${lesson.id}): following nothing but the hints completes it`, async (t) => {
    const session = await preparedSession(lesson, index + 1);
    for (let n = 0; n < 40 && !session.finished; n++) {
      const text = [session.hint(), session.hint(), session.hint()][2] ?? '';
      const hint = readHint(text);
      if (!hint) return t.fail(`no exact answers in:\n${text}`);
      const { outcome, printed } = await play(session, { line: hint.line, answers: hint.answers });
      t.is(outcome.status, 'ok', `${hint.line}\n${printed}`);
    }
    t.true(session.finished, `stuck at step ${session.completed + 1}: ${missing(session)}`);
    t.true((session.score?.points ?? 100) < 100, 'hints cost points');
  });
}

test('a briefing holds paragraphs, not lines wrapped in the source: the shell reflows each to the terminal width', (t) => {
  for (const lesson of LESSONS) {
    lesson.briefing.forEach((entry, i) => {
      const next = lesson.briefing[i + 1];
      t.false(entry.trimEnd().endsWith(','), `${lesson.id}: "${entry}" stops mid-sentence`);
      if (next !== undefined) t.false(/^[a-z]/.test(next), `${lesson.id}: "${next}" continues the entry before it`);
    });
  }
});
