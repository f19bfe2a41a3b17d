import test from 'ava';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PasswordLedger, worldBreaches } from '../../src/journal/hygiene.ts';
import { editUnit, editUnits, initializedWorld, masterKey, withCurrent, withKeys, withThresholds } from '../shell/fixtures.ts';
import { lessonById, play, preparedSession } from './helpers.ts';


test('the password ledger flags one password protecting two files, by keyed hash only', (t) => {
  const ledger = new PasswordLedger();
  const f = ledger.fingerprint('s3cret');
  t.false(f.includes('s3cret'));
  t.not(f, new PasswordLedger().fingerprint('s3cret'), 'the key is per attempt');
  t.is(ledger.record(f, 'the key part "part Dave"'), null);
  t.is(ledger.record(ledger.fingerprint('other'), 'the key part "part Erin"'), null);
  t.is(ledger.record(ledger.fingerprint('s3cret'), 'the key part "part Frank"'), 'the same password protects the key part "part Dave" and the key part "part Frank"');
});

test('a threshold of 1 is a breach only where the lesson asks for dual control; one breach per command', (t) => {
  const before = initializedWorld();
  const after = editUnits(before, [0, 1], withThresholds(1, 2));
  t.deepEqual(worldBreaches(before, after, true), ['a threshold of 1 on units 1, 2, where the lesson asks for dual control']);
  t.deepEqual(worldBreaches(before, after, false), []);
  t.deepEqual(worldBreaches(after, after, true), [], 'unchanged units are not blamed again');
});

test('stored keys made unreadable by a new master key are a breach', (t) => {
  const before = editUnit(initializedWorld(), 0, withKeys(5));
  const after = editUnit(before, 0, withCurrent('Valid', masterKey('other')));
  t.deepEqual(worldBreaches(before, after, true), ['stored keys became unreadable on unit 1: the master key changed without re-enciphering']);
});

test('in a lesson, two custodians sharing a password is a breach; the password is stored nowhere', async (t) => {
  const session = await preparedSession(lessonById('04-key-parts'), 4);
  const shared = 'Shared-Secret-77';
  await play(session, { line: 'mk-add --random', answers: ['part Dave', shared, shared] });
  t.deepEqual(session.attempt.breaches, []);
  await play(session, { line: 'mk-add --random', answers: ['part Erin', shared, shared] });
  t.deepEqual(session.attempt.breaches, ['the same password protects the key part "part Dave" and the key part "part Erin"']);
  await play(session, { line: 'mk-add --random', answers: ['part Frank', 'alice-Train-1', 'alice-Train-1'] });
  t.is(session.attempt.breaches[1], 'the same password protects Alice\'s signature key and the key part "part Frank"', 'the setup\'s files count too');
  t.false(JSON.stringify(session.attempt).includes(shared));
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
  for (const file of files(session.dir)) t.false(readFileSync(file, 'utf8').includes(shared), file);
});
