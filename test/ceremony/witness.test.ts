/** The witness: deviations and separation-of-duties breaches become exceptions, with their step and actor. */
import test from 'ava';
import { join } from 'node:path';
import { dryRun, playSteps } from '../../src/ceremony/dry-run.ts';
import { parseCeremonyScript } from '../../src/ceremony/script-parse.ts';
import { trainingIo } from '../../src/ceremony/training-io.ts';
import { participant } from '../../src/ceremony/script-model.ts';
import { preparedSession, shippedScript, shippedText, tempHome, testEnv } from './helpers.ts';

const variant = (from: string, to: string) => {
  const text = shippedText('key-part-init');
  if (!text.includes(from)) throw new Error(`"${from}" is not in the script`);
  return parseCeremonyScript(text.replace(from, to), 'variant.yaml', 'variant');
};

async function dry(script: ReturnType<typeof variant>) {
  const home = tempHome();
  return dryRun(script, testEnv(home), join(home, 'world'));
}

test('one password on two custodians\' files is a separation-of-duties exception (compared by keyed hash)', async (t) => {
  const run = await dry(variant('training password: erin-Ceremony-5', 'training password: dave-Ceremony-4'));
  t.false(run.ok);
  const [e] = run.session.exceptions;
  t.like(e, { step: 9, actor: 'Erin', kind: 'separation of duties' });
  t.regex(e?.text ?? '', /the same password protects Dave's key part \(part 1\) and Erin's key part \(part 2\)/);
  t.false((e?.text ?? '').includes('dave-Ceremony-4'));
});

test('a signer who also holds a key part is an exception before step 1', async (t) => {
  const run = await dry(variant('  - name: Dave\n    role: key part custodian', '  - name: Dave\n    role: [key part custodian, administrator]'));
  t.false(run.ok);
  t.like(run.session.exceptions[0], { step: 0, kind: 'separation of duties' });
  t.regex(run.session.exceptions[0]?.text ?? '', /Dave is both an administrator \(a signer\) and the custodian of key part 1/);
  t.is(run.session.progress[0]?.commands.length, 0, 'nothing runs while the exception is open');
});

test('a threshold of 1 is a separation-of-duties exception', async (t) => {
  const run = await dry(variant('    commands: [cryptounit-thrhld-set 2 2]\n    expect:\n      - thresholds: 2/2', '    commands: [cryptounit-thrhld-set 1 1]\n    expect:\n      - thresholds: 1/1'));
  t.like(run.session.exceptions[0], { step: 7, kind: 'separation of duties' });
  t.regex(run.session.exceptions[0]?.text ?? '', /a threshold of 1 on crypto unit 1, 2: one administrator alone can now sign/);
});

test('a skipped step, a state that differs, the witness\'s own exception, and the decisions are recorded', async (t) => {
  const { session } = await preparedSession(shippedScript('key-part-init'));
  const io = (answers: string[] = []) => trainingIo(answers, () => participant(session.script, session.holder) ?? null, () => undefined);
  await session.run('cryptounits', io());
  // Step 2 expects both units: selecting only one leaves the state different from the script's.
  await session.run('cryptounit-add 1', io());
  t.like(session.exceptions[0], { step: 2, actor: 'Olivia', kind: 'state differs' });
  t.regex(session.exceptions[0]?.text ?? '', /units 1 and 2 selected \(●\), no other/);
  const refused = await session.run('cryptounit-add 2', io());
  t.is(refused.status, 'usage', 'nothing runs while an exception is open');
  session.decide('continue', null);
  // sigkey-add belongs to step 3: step 2 is skipped.
  await session.run('sigkey-add', io(['Alice']));
  t.like(session.exceptions[1], { step: 2, actor: 'Olivia', kind: 'step skipped' });
  t.is(session.progress[1]?.status, 'skipped');
  t.is(session.currentStep?.number, 3);
  session.witness('the custodians arrived late');
  t.like(session.exceptions[2], { step: 3, kind: 'witness' });
  t.regex(session.exceptions[2]?.text ?? '', /recorded by witness Walter: the custodians arrived late/);
  session.decide('retry', 'start the step again');
  t.like(session.exceptions[1]?.resolution, { decision: 'retry', by: 'Olivia', reason: 'start the step again' });
  t.like(session.exceptions[0]?.resolution, { decision: 'continue', by: 'Olivia' });
  t.is(session.openExceptions.length, 0);
});

test('a wrong password and a refusal are exceptions of the person at the keyboard', async (t) => {
  const { session, transcript } = await preparedSession(shippedScript('key-part-init'));
  await playSteps(session, transcript, 5);
  t.is(session.currentStep?.number, 6, transcript.join('\n'));
  // Alice's hand-over is taken, then a wrong password is typed.
  const alice = participant(session.script, 'Alice');
  const wrong = trainingIo([], () => (alice ? { ...alice, trainingPassword: 'not-Alices-password' } : null), () => undefined);
  await session.run('sigkey-sel 1 2', wrong);
  t.like(session.exceptions[0], { step: 6, actor: 'Alice', kind: 'wrong password' });
  session.decide('retry', null);
  const io = trainingIo([], () => participant(session.script, session.holder) ?? null, () => undefined);
  await session.run('sigkey-sel 1 2', io);
  // Not in the script, and refused by the units: still in imprint mode.
  await session.run('cryptounit-mk-clrnew', io);
  t.like(session.exceptions[1], { step: 7, actor: 'Olivia', kind: 'unscripted command' });
  t.like(session.exceptions[2], { step: 7, actor: 'Olivia', kind: 'refusal' });
  t.regex(session.exceptions[2]?.text ?? '', /return code 179/);
});

test('a hand-over that is skipped before someone else\'s secret is an exception of the one who kept the keyboard', async (t) => {
  const home = tempHome();
  const script = shippedScript('key-part-init');
  const handed: string[] = [];
  const { CeremonySession } = await import('../../src/ceremony/session.ts');
  const session = new CeremonySession(script, join(home, 'world'), testEnv(home), {
    handOver: async (to, _why, before) => {
      handed.push(`${to.name}:${before}`);
      return to.name === 'Bob' && before === 'secret' ? 'skipped' : 'ready';
    },
    readBack: async () => true,
    say: () => undefined,
  });
  await session.prepare();
  await playSteps(session, [], 5);
  // Bob's password is typed by whoever holds the keyboard: Alice, who kept it.
  await session.run('sigkey-sel 1 2', trainingIo([], (q) => participant(script, /KEYNUM 1/.test(q.prompt) ? 'Alice' : 'Bob') ?? null, () => undefined));
  t.true(handed.includes('Alice:secret') && handed.includes('Bob:secret'), handed.join(' '));
  t.like(session.exceptions[0], { step: 6, actor: 'Alice', kind: 'hand-over skipped' });
  t.regex(session.exceptions[0]?.text ?? '', /the keyboard was not passed to Bob, administrator: Alice answered in Bob's place/);
});
