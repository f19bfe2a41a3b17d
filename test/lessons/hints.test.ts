import test from 'ava';
import { exactAnswers, nextLine } from '../../src/lessons/hints.ts';
import { lessonById, play, preparedSession } from './helpers.ts';


test('hints come in three tiers per step: a nudge, the command, the exact answers; each new tier costs once', async (t) => {
  const session = await preparedSession(lessonById('03-thresholds'), 3);
  const one = session.hint();
  t.regex(one, /^Hint 1\/3 for step 1, a nudge:\n {2}Units 1 and 2 show ADMINS 2\/8/);
  t.notRegex(one, /cryptounit-admin-add/, 'a nudge does not name the command');
  t.regex(session.hint(), /^Hint 2\/3 for step 1, the command:\n {2}Run cryptounit-admin-add/);
  const three = session.hint();
  t.is(three, [
    'Hint 3/3 for step 1, the exact answers:',
    '  tkesim> cryptounit-admin-add',
    '  > 3',
    '  > carol-Train-3   (password of Carol\'s signature key: a training value)',
  ].join('\n'));
  t.is(session.hint(), three, 'asking again repeats the exact answers');
  t.deepEqual(session.attempt.hints, [1, 2, 3], 'a repeated tier costs nothing more');

  await play(session, { line: 'cryptounit-admin-add', answers: ['3', 'carol-Train-3'] });
  t.is(session.completed, 1);
  t.regex(session.hint(), /^Hint 1\/3 for step 2, a nudge/, 'the tiers start again for the next step');
});

test('the exact answers skip the lines already done and say what follows', async (t) => {
  const l = lessonById('02-administrators');
  const session = await preparedSession(l, 2);
  await play(session, { line: 'sigkey-add', answers: ['Alice', 'a-Pw-1', 'a-Pw-1'] });
  const step = l.steps[1];
  if (!step || !session.state) return t.fail();
  t.is(nextLine(step, session.state)?.line.answers[0], 'Bob');
  for (let i = 0; i < 3; i++) session.hint();
  t.regex(session.hint(), /tkesim> sigkey-add\n {2}> Bob\n[\s\S]*Then: sigkey-add \(type hint again/);
  await play(session, { line: 'sigkey-add', answers: ['Bob', 'b-Pw-2', 'b-Pw-2'] });
  t.is(nextLine(step, session.state)?.line.answers[0], 'Carol', 'Bob\'s key exists: the hint moves on to Carol');
});

test('the exact answers of a line align the training values and name them', (t) => {
  t.deepEqual(exactAnswers({ line: 'sigkey-sel', answers: ['1 2', { training: 'alice-Train-1', what: 'password of Alice\'s signature key' }, { training: 'bob-Train-2', what: 'password of Bob\'s signature key' }] }), [
    '  tkesim> sigkey-sel',
    '  > 1 2',
    '  > alice-Train-1   (password of Alice\'s signature key: a training value)',
    '  > bob-Train-2     (password of Bob\'s signature key: a training value)',
  ]);
});

test('a finished lesson has no more hints to give', async (t) => {
  const l = lessonById('01-crypto-units');
  const session = await preparedSession(l, 1);
  for (const step of l.steps) for (const line of step.solution) await play(session, line);
  t.true(session.finished);
  t.regex(session.hint(), /The lesson is complete/);
});

test('after a common mistake, the exact answers offer the repair first; following them still completes the lesson', async (t) => {
  const l = lessonById('05-load-commit-activate');
  const session = await preparedSession(l, 5);
  await play(session, { line: 'cryptounit-mk-load', answers: ['1 2', 'alice-Train-1', 'dave-Part-4', 'erin-Part-5'] });
  t.is(session.completed, 0, 'two parts give the wrong master key');
  for (let i = 0; i < 2; i++) session.hint();
  const repair = session.hint();
  t.regex(repair, /First, repair: a new register holds a value other than 5adb8aaa: clear it, then load the three parts\.\n {2}tkesim> cryptounit-mk-clrnew\n {2}> alice-Train-1/);
  await play(session, { line: 'cryptounit-mk-clrnew', answers: ['alice-Train-1'] });
  t.regex(session.hint(), /tkesim> cryptounit-mk-load\n {2}> 1 2 3/, 'then the load of the right parts');
});
