/**
 * The paths the reference warns against behave as it warns (stored keys become unreadable), and
 * tkesim says afterwards what happened.
 */
import test from 'ava';
import { ensureBuilt, snapshot, tkesim, type Home } from '../helpers/cli.ts';
import { ADMINS, step } from '../helpers/ceremony.ts';
import { SIGNERS, autoInitialized, copyHome, keyCounts } from '../helpers/auto-ceremony.ts';

let initialized: Home | null = null;
const prepared = (): Home => {
  if (!initialized) throw new Error('not prepared');
  return copyHome(initialized);
};

test.before(async (t) => {
  await ensureBuilt();
  initialized = await autoInitialized(t, 'unsafe');
});

async function interruptedAfterDelaying(t: Parameters<typeof step>[0], home: Home): Promise<void> {
  await step(t, home, ['sim', 'fault', 'rotate-before-rewrap']);
  const r = await tkesim(home, ['auto-mk-rotate'], SIGNERS);
  t.regex(r.out, /Delaying 30 seconds to allow server to discover new master key values\nFAILED/);
}

test('rerunning auto-mk-rotate after "Delaying 30 seconds" replaces the new master key: the keys already re-enciphered are lost', async (t) => {
  const home = prepared();
  await interruptedAfterDelaying(t, home);
  const rerun = await step(t, home, ['auto-mk-rotate'], SIGNERS);
  t.regex(rerun, /OK\nMaster key rotation successful\./, 'the real CLI reports success');
  t.regex(rerun, /Note \(tkesim\): stored keys can no longer be decrypted: 50 of 100 in crypto unit 1, 50 of 100 in crypto unit 2\. An interrupted rotation had already re-enciphered them/);
  t.regex(rerun, /the documented recovery is cryptounit-mk-rotate/);
  t.deepEqual(keyCounts(await step(t, home, ['sim', 'keys', 'check'])), { 1: '50/100', 2: '50/100', '3*': '0/0', '4*': '0/0' });
  t.regex(await step(t, home, ['cryptounit-compare']), /All crypto units are configured the same/, 'the units look fine: only the keys tell');
});

test('cryptounit-mk-setimm instead of cryptounit-mk-rotate after an interrupted rewrap: the keys not yet re-enciphered are lost', async (t) => {
  const home = prepared();
  await interruptedAfterDelaying(t, home);
  const setimm = await step(t, home, ['cryptounit-mk-setimm'], ['y', ADMINS[0].password]);
  t.regex(setimm, /Warning!  Any key storage associated with the targeted service instance must be prepared to accept the new master key value/);
  t.regex(setimm, /Note \(tkesim\): stored keys can no longer be decrypted: 50 of 100 in crypto unit 1, 50 of 100 in crypto unit 2\. Set immediate activated/);
  t.deepEqual(keyCounts(await step(t, home, ['sim', 'keys', 'check'])), { 1: '50/100', 2: '50/100', '3*': '0/0', '4*': '0/0' });
});

test('zeroizing an instance whose key storage holds data, then auto-init: every key is lost', async (t) => {
  const home = prepared();
  const zeroize = await step(t, home, ['cryptounit-zeroize'], ['y', ADMINS[0].password]);
  t.regex(zeroize, /Note \(tkesim\): stored keys can no longer be decrypted: 100 of 100 in crypto unit 1, 100 of 100 in crypto unit 2\. Zeroizing cleared/);
  const init = await step(t, home, ['auto-init'], ['', '2', '2', '3', '1 2 3', ...ADMINS.map((a) => a.password)]);
  t.regex(init, /OK\nThe selected service instance has been initialized\./);
  t.regex(init, /Note \(tkesim\): stored keys can no longer be decrypted: 100 of 100 in crypto unit 1, 100 of 100 in crypto unit 2\. The crypto units were zeroized while their key storage held data/);
  t.deepEqual(keyCounts(await step(t, home, ['sim', 'keys', 'check'])), { 1: '0/100', 2: '0/100', '3*': '0/0', '4*': '0/0' });
});

test('auto-mk-recover over a unit holding another master key warns first; going on loses its keys', async (t) => {
  const home = prepared();
  // Another master key in unit 2: clear its current register, then load a different one from key parts.
  await step(t, home, ['cryptounit-rm', '1', '3', '4']);
  await step(t, home, ['cryptounit-mk-clrcur'], ['y', ADMINS[0].password]);
  for (const p of ['p1', 'p2']) await step(t, home, ['mk-add', '--random'], [p, `${p}-pw`, `${p}-pw`]);
  await step(t, home, ['cryptounit-mk-load', '1', '2'], [ADMINS[0].password, 'p1-pw', 'p2-pw']);
  await step(t, home, ['cryptounit-mk-commit'], SIGNERS);
  await step(t, home, ['cryptounit-mk-setimm'], ['y', ADMINS[0].password]);
  await step(t, home, ['sim', 'keys', 'create', '10']);
  await step(t, home, ['cryptounit-add', '3']);
  const before = snapshot(home);
  const no = await tkesim(home, ['auto-mk-recover'], ['n']);
  t.is(no.code, 1);
  t.regex(no.out, /WARNING: Crypto unit 2 holds a different current master key/);
  t.regex(no.out, /The master key recovery was cancelled\. Nothing was changed\./);
  t.is(snapshot(home), before);
  const yes = await step(t, home, ['auto-mk-recover'], ['y', ...SIGNERS]);
  t.regex(yes, /Note \(tkesim\): stored keys can no longer be decrypted: 10 of 110 in crypto unit 2\. A target crypto unit held a different current master key/);
  t.is(keyCounts(await step(t, home, ['sim', 'keys', 'check']))['2'], '100/110', 'the first 100 keys decrypt again, the 10 stored under the other key do not');
});
