/** cryptounit-exit-impr (deprecated, still working) and cryptounit-cp, through the one-shot binary. */
import test, { type ExecutionContext } from 'ava';
import { ensureBuilt, newHome, snapshot, tkesim, type Home } from '../helpers/cli.ts';
import { step } from '../helpers/ceremony.ts';

test.before(ensureBuilt);

const PW = 'exit-impr-pw';

/** Units 1 and 2 selected, Alice installed as their only administrator and selected to sign; imprint mode. */
async function withAdmin(t: ExecutionContext): Promise<Home> {
  const home = newHome();
  await step(t, home, ['sim', 'init', '--yes', '--seed', 'exit-impr']);
  await step(t, home, ['cryptounit-add', '1', '2']);
  await step(t, home, ['sigkey-add'], ['Alice', PW, PW]);
  await step(t, home, ['sigkey-sel', '1'], [PW]);
  await step(t, home, ['cryptounit-admin-add', '1'], [PW]);
  return home;
}

const thresholdRows = (out: string) => out.split('\n').filter((l) => /^\d\s+\d+\s+\d+\s+$/.test(l)).map((l) => l.trim().split(/\s+/));

test('exit-impr: deprecated, yet it leaves imprint mode with thresholds 1 and 1, signed by one installed admin', async (t) => {
  const home = await withAdmin(t);
  const r = await tkesim(home, ['cryptounit-exit-impr'], [PW]);
  t.is(r.code, 0, r.out);
  const lines = r.out.split('\n');
  t.regex(lines[0] ?? '', /cryptounit-exit-impr' command is deprecated\.  Use the 'ibmcloud tke cryptounit-thrhld-set' command/);
  t.is(r.out.match(/Enter the password for the signature key identified by:/g)?.length, 1, 'one signature');
  t.regex(r.out, /OK\nThe selected crypto units have exited imprint mode\.\n\nSIGNATURE THRESHOLDS/);
  t.deepEqual(thresholdRows(r.out), [['1', '1', '1'], ['2', '1', '1']]);
  t.deepEqual(thresholdRows((await tkesim(home, ['cryptounit-thrhlds'])).out), [['1', '1', '1'], ['2', '1', '1']]);
  t.false(r.out.includes(PW));

  // Out of imprint mode, the units refuse it and nothing changes.
  const before = snapshot(home);
  const again = await tkesim(home, ['cryptounit-exit-impr'], [PW]);
  t.is(again.code, 1, again.out);
  t.regex(again.out, /^FAILED\nThe crypto unit is not in imprint mode\.$/m);
  t.is(snapshot(home), before);
});

test('exit-impr: without an installed admin to sign, the units refuse it (208) and stay in imprint mode', async (t) => {
  const home = newHome();
  await step(t, home, ['sim', 'init', '--yes', '--seed', 'exit-impr']);
  await step(t, home, ['cryptounit-add', '1']);
  const before = snapshot(home);
  const r = await tkesim(home, ['cryptounit-exit-impr'], [], { TKESIM_EXPLAIN: '0' });
  t.is(r.code, 1, r.out);
  t.true(r.out.endsWith('FAILED\nError reported by EP11 crypto module.\nReturn code: 208\nReason code: \nError message: Not enough signatures were provided on the command.\n'), r.out);
  t.is(snapshot(home), before);
});

test('cryptounit-cp: shows a control point by index; in imprint mode a change is refused (179) without a password', async (t) => {
  const home = await withAdmin(t);
  const show = await tkesim(home, ['cryptounit-cp'], ['66', '']);
  t.is(show.code, 0, show.out);
  t.regex(show.out, /Enter the numeric value of the control point to display or change:\n> \n\nCONTROL POINTS\nSERVICE INSTANCE: \S+\nCRYPTO UNIT NUM {3}XCP_CPB_BTC {3}\n1 +(Set|Not Set) {3}\n2 +(Set|Not Set) {3}\n/);
  t.notRegex(show.out, /OK/);

  const before = snapshot(home);
  const change = await tkesim(home, ['cryptounit-cp', '66', '0']);
  t.is(change.code, 1, change.out);
  t.regex(change.out, /Return code: 179\nReason code: \nError message: Operation not allowed in imprint mode\./);
  t.notRegex(change.out, /Enter the password/);
  t.is(snapshot(home), before);
});

test('cryptounit-cp: resets and sets a control point with the signature threshold; an unknown index is refused (32)', async (t) => {
  const home = await withAdmin(t);
  await step(t, home, ['cryptounit-thrhld-set', '1', '1'], [PW]);
  const cell = async (column: number) => {
    const out = (await tkesim(home, ['cryptounit-compare'])).out;
    return out.slice(out.indexOf('CONTROL POINTS')).split('\n').slice(3, 5).map((l) => l.trim().split(/ {3,}/)[column]);
  };

  const reset = await tkesim(home, ['cryptounit-cp', '66'], ['0', PW]);
  t.is(reset.code, 0, reset.out);
  t.regex(reset.out, /OK\nThe control point XCP_CPB_BTC \(66\) has been reset in the selected crypto units\.\n\nCONTROL POINTS/);
  t.deepEqual(await cell(2), ['Not Set', 'Not Set']);
  t.deepEqual(await cell(1), ['Set', 'Set'], 'the other control points are untouched');

  t.is((await tkesim(home, ['cryptounit-cp', '66', '1'], [PW])).code, 0);
  t.deepEqual(await cell(2), ['Set', 'Set']);

  const before = snapshot(home);
  const unknown = await tkesim(home, ['cryptounit-cp', '42'], [], { TKESIM_EXPLAIN: '0' });
  t.is(unknown.code, 1, unknown.out);
  t.is(unknown.out, 'FAILED\nError reported by EP11 crypto module.\nReturn code: 32\nReason code: \nError message: Invalid data was provided for the command.  The format or value of the data is incorrect.\n');
  t.is(snapshot(home), before);
});

test('help cryptounit-cp lists the control point indices, and marks the pre-answers as tkesim only', async (t) => {
  const home = newHome();
  const r = await tkesim(home, ['help', 'cryptounit-cp']);
  t.is(r.code, 0);
  for (const row of [/55 +XCP_CPB_ALG_EC_25519/, /66 +XCP_CPB_BTC/, /67 +XCP_CPB_ECDSA_OTHER/]) t.regex(r.out, row);
  t.regex(r.out, /USAGE: tkesim cryptounit-cp\n +tkesim cryptounit-cp \[INDEX \[1\|0\]\] +\(tkesim only\)/);
});
