import test from 'ava';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LessonSession, type LessonEvent } from '../../src/lessons/session.ts';
import { lessonById, play, testEnv } from './helpers.ts';


test('a lesson runs on its own seeded world in its own directory; the user\'s sandbox and CLOUDTKEFILES are never touched', async (t) => {
  const home = mkdtempSync(join(tmpdir(), 'tkesim-lesson-'));
  const userFiles = mkdtempSync(join(tmpdir(), 'tkesim-user-files-'));
  const dir = join(home, 'lessons', '03-thresholds');
  const session = new LessonSession(lessonById('03-thresholds'), 3, dir, { ...testEnv(home), CLOUDTKEFILES: userFiles, TKESIM_SEED: 'user-seed' });
  await session.prepare();
  t.true(existsSync(join(dir, 'world.json')));
  t.true(existsSync(join(dir, 'tkefiles', '1.sigkey')));
  t.false(existsSync(join(home, 'world.json')), 'no sandbox world was created');
  t.false(existsSync(join(userFiles, '1.sigkey')), 'the user\'s CLOUDTKEFILES is not used');
  t.is(session.state?.world.seed, 'lesson-03');
  await play(session, { line: 'sigkeys', answers: [] });
  t.false(existsSync(join(home, 'world.json')));
});

test('the start state is reproducible, and reset gives a fresh one (a new attempt)', async (t) => {
  const home = mkdtempSync(join(tmpdir(), 'tkesim-lesson-'));
  const dir = join(home, 'lessons', 'x');
  const l = lessonById('05-load-commit-activate');
  const session = new LessonSession(l, 5, dir, testEnv(home));
  await session.prepare();
  const start = readFileSync(join(dir, 'world.json'), 'utf8');
  const first = l.steps[0]?.solution[0];
  if (!first) return t.fail();
  await play(session, first);
  await play(session, { line: 'cryptounit-frob', answers: [] });
  session.hint();
  t.is(session.completed, 1);
  t.not(readFileSync(join(dir, 'world.json'), 'utf8'), start);
  await session.prepare();
  t.is(readFileSync(join(dir, 'world.json'), 'utf8'), start, 'the same seeded start state, byte for byte');
  t.is(session.completed, 0);
  t.deepEqual([session.attempt.commands, session.attempt.hints.length, session.last], [0, 0, null]);
});

test('commands that would replace the lesson world are refused in a lesson', async (t) => {
  const home = mkdtempSync(join(tmpdir(), 'tkesim-lesson-'));
  const session = new LessonSession(lessonById('01-crypto-units'), 1, join(home, 'l1'), testEnv(home));
  await session.prepare();
  for (const line of ['sim init --yes', 'sim reset --yes', 'tke sim resend /dev/null']) {
    const { outcome, printed } = await play(session, { line, answers: [] });
    t.is(outcome.status, 'usage', line);
    t.regex(printed, /is not available in a lesson[\s\S]*"reset"/);
  }
  t.is(session.state?.world.units.length, 8, 'the lesson world is intact');
});

test('goals are checked against the state after every command: step and completion events, in order', async (t) => {
  const home = mkdtempSync(join(tmpdir(), 'tkesim-lesson-'));
  const l = lessonById('01-crypto-units');
  const session = new LessonSession(l, 1, join(home, 'l1'), testEnv(home));
  await session.prepare();
  const events: LessonEvent[] = [];
  session.onEvent((e) => events.push(e));
  // Another route than the solution's: select 5 6 first, then 1 2, then drop 1 2.
  await play(session, { line: 'cryptounit-add 5 6', answers: [] });
  t.deepEqual(events, []);
  await play(session, { line: 'ibmcloud tke cryptounit-add 1 2', answers: [] });
  t.deepEqual(events.map((e) => e.kind), ['step']);
  await play(session, { line: 'cryptounit-rm', answers: ['1 2'] });
  t.deepEqual(events.map((e) => e.kind), ['step', 'step', 'complete']);
  const done = events[2];
  t.true(done?.kind === 'complete' && done.score.points === 100, 'another correct route scores as well as the solution');
});
