import test from 'ava';
import { REFUSALS, type RefusalCode } from '../../src/core/refusal.ts';
import { ROTATION_PROBLEMS } from '../../src/core/rotation.ts';
import { REFUSAL_EXPLANATIONS, ROTATION_EXPLANATIONS } from '../../src/lessons/explain-codes.ts';
import { explainCode, explainLast } from '../../src/lessons/explain.ts';
import { lessonById, play, preparedSession } from './helpers.ts';

/** Every return/reason code of the EP11 catalogue in TKE-REFERENCE.md section 6. */
const REFERENCE_CODES = [
  '179', '208', '192', '193', '257', '256/38', '261/39', '32/32', '209/36', '209/56', '209/57', '209/58', '209/66', '209/71',
  '209/76', '209/77', '209/78', '209/79', '101/48', '80/52', '80/80', '80/131', '80/46', '80/47', '163', '3',
];

test('every refusal code of the simulator has an explanation and a next step', (t) => {
  for (const code of Object.keys(REFUSALS) as RefusalCode[]) {
    const x = REFUSAL_EXPLANATIONS[code];
    t.true(x.why.length > 20 && x.next.length > 10, code);
    const text = explainCode(code) ?? '';
    t.regex(text, /Why: {2}\S/, code);
    t.regex(text, /Next: \S/, code);
  }
});

test('every return and reason code of the reference catalogue is explained, with a next step', (t) => {
  for (const code of REFERENCE_CODES) {
    const text = explainCode(code);
    t.truthy(text, code);
    t.regex(text ?? '', new RegExp(`^Return code ${code.split('/')[0]}\\b`), code);
    t.regex(text ?? '', /Next: \S/, code);
  }
  t.regex(explainCode('209/57') ?? '', /administrators/);
  t.regex(explainCode('209, 71') ?? '', /0\.0\.11/, 'the old plug-in case (sim fault thresholds-locked)');
  t.is(explainCode('999'), null);
  t.is(explainCode('nonsense'), null);
  t.regex(explainCode('imprint mode') ?? '', /^IMPRINT_MODE \(return code 179\)/, 'names are matched loosely');
});

test('every rotation pre-check problem has an explanation', (t) => {
  for (const p of Object.keys(ROTATION_PROBLEMS) as (keyof typeof ROTATION_PROBLEMS)[]) {
    t.true(ROTATION_EXPLANATIONS[p].next.length > 10, p);
  }
});

test('explain before any command, after an OK, a refusal, a wrong password, a usage error and a cancel', async (t) => {
  const session = await preparedSession(lessonById('03-thresholds'), 3);
  t.regex(explainLast(session.last), /Nothing to explain yet/);

  await play(session, { line: 'cryptounit-admin-add', answers: ['3', 'carol-Train-3'] });
  const ok = explainLast(session.last);
  t.regex(ok, /^explain: cryptounit-admin-add\nOK: cryptounit-admin-add: Install an administrator/);
  t.regex(ok, /Crypto units: units 1, 2 admins 2 -> 3 \(added Carol\)/);

  await play(session, { line: 'sigkey-sel', answers: ['1', 'alice-Train-1'] });
  t.regex(explainLast(session.last), /Workstation: the signing keys are now Alice/);
  await play(session, { line: 'cryptounit-thrhld-set', answers: ['2', '2', 'alice-Train-1'] });
  const refused = explainLast(session.last);
  t.regex(refused, /FAILED: refused by crypto unit 1 \(return code 208\)/);
  t.regex(refused, /Next: Select enough administrator keys with sigkey-sel/);
  t.regex(refused, /Note: 1 selected signature key\(s\) are installed administrators/);

  await play(session, { line: 'sigkey-sel', answers: ['1 2', 'alice-Train-1', 'not-Bobs-password'] });
  const wrong = explainLast(session.last);
  t.regex(wrong, /FAILED on the workstation: The password for KEYNUM 2 is not valid/);
  t.regex(wrong, /nothing was sent to the crypto units/);
  t.false(wrong.includes('not-Bobs-password'), 'a typed password never shows in an explanation');

  await play(session, { line: 'cryptounit-frob', answers: [] });
  t.regex(explainLast(session.last), /not understood as a command[\s\S]*Next: check the spelling/);
  await play(session, { line: 'cryptounit-zeroize', answers: ['n'] });
  t.regex(explainLast(session.last), /cancelled[\s\S]*nothing was changed/);
});

test('explain notices a selected unit in imprint mode behind a register refusal', async (t) => {
  const session = await preparedSession(lessonById('08-recovery'), 8);
  await play(session, { line: 'cryptounit-mk-clrnew', answers: ['alice-Train-1'] });
  t.is(session.last?.outcome.status, 'failed');
  t.regex(explainLast(session.last), /Note: unit 3 is selected and in imprint mode[\s\S]*cryptounit-rm 3/);
});

test('explain names the rotation pre-check that stopped a rotation', async (t) => {
  const session = await preparedSession(lessonById('07-rotate'), 7);
  await play(session, { line: 'cryptounit-mk-rotate', answers: ['y'] });
  const text = explainLast(session.last);
  t.regex(text, /rotation pre-check stopped it: The new master key registers are not all Full Committed/);
  t.regex(text, /Next: Load and commit the same new parts/);
});
