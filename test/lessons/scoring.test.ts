import test from 'ava';
import { refusal } from '../../src/core/refusal.ts';
import { EMPTY_ATTEMPT, addBreach, classify, countCommand, score, summaryLines } from '../../src/journal/scoring.ts';

test('outcomes are classified: a refusal (unit or pre-check), a wrong password, other failures', (t) => {
  t.is(classify({ status: 'ok' }), 'ok');
  t.is(classify({ status: 'failed', message: 'x', refusal: refusal('IMPRINT_MODE') }), 'refusal');
  t.is(classify({ status: 'failed', message: 'Master key rotation pre-check failed: ...' }), 'refusal');
  t.is(classify({ status: 'failed', message: 'The password for KEYNUM 2 is not valid. The selection was not changed.' }), 'wrong-password');
  t.is(classify({ status: 'failed', message: 'The password for key file 1 (KEYNUM 3, part Dave) is not valid.' }), 'wrong-password');
  t.is(classify({ status: 'failed', message: 'The passwords do not match.' }), 'failed');
  t.is(classify({ status: 'usage', message: 'x' }), 'usage');
  t.is(classify({ status: 'cancelled', message: 'x' }), 'cancelled');
});

test('views are free; every other command counts, whatever its outcome', (t) => {
  let a = EMPTY_ATTEMPT;
  a = countCommand(a, 'cryptounit-compare', 'ok');
  a = countCommand(a, 'sigkeys', 'ok');
  t.is(a.commands, 0);
  a = countCommand(a, 'cryptounit-thrhld-set', 'refusal');
  a = countCommand(a, 'sigkey-sel', 'wrong-password');
  a = countCommand(a, null, 'usage');
  t.deepEqual([a.commands, a.refusals, a.wrongPasswords], [2, 1, 1]);
});

test('a clean run scores 100; each kind of slip costs points and says what to improve', (t) => {
  t.deepEqual(score({ ...EMPTY_ATTEMPT, commands: 3 }, 3), { points: 100, deductions: [] });
  t.deepEqual(summaryLines(score(EMPTY_ATTEMPT, 0), null).slice(1), ['A clean run: the fewest commands, no refusal, no hint, no hygiene breach.']);
  const messy = addBreach(addBreach({ ...EMPTY_ATTEMPT, commands: 6, refusals: 1, wrongPasswords: 2, hints: [1, 2, 3] }, 'the same password protects A and B'), 'the same password protects A and B');
  t.is(messy.breaches.length, 1, 'a breach is counted once');
  const s = score(messy, 3);
  t.is(s.points, 100 - 6 - 5 - 6 - 10 - 15);
  const lines = summaryLines(s, 90).join('\n');
  t.regex(lines, /^Score: 58\/100 \(best 90\)/);
  t.regex(lines, /-6 {2}6 commands where the reference solution uses 3/);
  t.regex(lines, /refusal\. After a refusal, type explain/);
  t.regex(lines, /hygiene: the same password protects A and B\. Every custodian/);
  t.is(score({ ...EMPTY_ATTEMPT, commands: 200 }, 3).points, 80, 'extra commands cost at most 20');
  t.is(score({ ...EMPTY_ATTEMPT, refusals: 30 }, 3).points, 0, 'never below 0');
  t.is(score({ ...EMPTY_ATTEMPT, solutionPlayed: true }, 3).points, 0, 'a played solution scores 0');
});
