import test from 'ava';
import { findLesson } from '../../src/lessons/catalogue/index.ts';
import { explainLast } from '../../src/lessons/explain.ts';
import { play, preparedSession } from './helpers.ts';

test('lesson 7 broken on purpose (set immediate instead of rotate): hint and explain say what was lost and suggest reset', async (t) => {
  const found = findLesson('7');
  if (!found) return t.fail('no lesson 7');
  const session = await preparedSession(found.lesson, found.number);
  const wrong = found.lesson.wrongRoutes?.find((r) => /set immediate/.test(r.why));
  if (!wrong) return t.fail('no set-immediate wrong route');
  t.regex(session.hint(), /^(?!.*reset)/s, 'before the damage, the hint is an ordinary one');
  for (const line of wrong.lines) await play(session, line);
  const hint = session.hint();
  t.regex(hint, /40 stored keys can no longer be decrypted \(20 of 20 in crypto unit 1, 20 of 20 in crypto unit 2\)/);
  t.regex(hint, /Type "reset"/);
  const explained = explainLast(session.last);
  t.regex(explained, /The command ended OK, and that is the problem/);
  t.regex(explained, /cryptounit-mk-rotate re-enciphers/);
  t.regex(explained, /Type "reset"/);
});
