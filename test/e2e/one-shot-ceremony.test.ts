import test from 'ava';
import { ensureBuilt, newHome, tkesim } from '../helpers/cli.ts';
import { ADMINS, loadMasterKey, secureUnits, step } from '../helpers/ceremony.ts';

test.before(ensureBuilt);

/** The rows of one section of cryptounit-compare output, as [unit, rest-of-line] pairs. */
function section(out: string, title: string): string[] {
  const start = out.indexOf(title);
  const rows = out.slice(start).split('\n').slice(3);
  const end = rows.findIndex((l) => l.trim() === '');
  return rows.slice(0, end).map((l) => l.trimEnd());
}

test('key-part ceremony (reference 4.1), then a rotation (4.2) with 1,000 keys that all decrypt afterwards', async (t) => {
  const home = newHome();
  await secureUnits(t, home);
  await loadMasterKey(t, home);

  const compare = await step(t, home, ['cryptounit-compare']);
  t.regex(compare, /==> All crypto units are configured the same\. <==/);
  t.deepEqual(section(compare, 'SIGNATURE THRESHOLDS').map((l) => l.split(/\s+/)), [['1', '2', '2'], ['2', '2', '2']]);
  const current = section(compare, 'CURRENT MASTER KEY REGISTER');
  t.regex(current[0] ?? '', /^1\s+Valid\s+[0-9a-f]{32}$/);
  t.regex(current[2] ?? '', /^2\s+Valid\s+[0-9a-f]{32}$/);
  t.is(current[0]?.split(/\s+/)[2], current[2]?.split(/\s+/)[2], 'both current registers hold the same VP');
  t.regex(section(compare, 'NEW MASTER KEY REGISTER')[0] ?? '', /^1\s+Empty\s+0{32}$/);
  t.is(section(compare, 'CRYPTO UNIT ADMINISTRATORS').filter((l) => /Admin/.test(l)).length, 6);
  const oldVp = current[0]?.split(/\s+/)[2];

  await step(t, home, ['sim', 'keys', 'create', '1000']);
  t.regex(await step(t, home, ['sim', 'keys', 'check']), /1\s+1000\/1000[\s\S]*2\s+1000\/1000/);

  // Rotation: new parts (at least one new), load, commit, rotate.
  await step(t, home, ['mk-add', '--random'], ['rotation part 4', 'part-pw-4', 'part-pw-4']);
  await step(t, home, ['mk-add', '--random'], ['rotation part 5', 'part-pw-5', 'part-pw-5']);
  await step(t, home, ['cryptounit-mk-load', '4', '5'], [ADMINS[0].password, 'part-pw-4', 'part-pw-5']);
  await step(t, home, ['cryptounit-mk-commit'], [ADMINS[0].password, ADMINS[1].password]);
  const rotate = await step(t, home, ['cryptounit-mk-rotate'], ['y', ADMINS[0].password]);
  t.regex(rotate, /KMS CRK rewrap successful, waiting on cryptounit-mk-setimm\.[\s\S]*OK\nMaster key rotation successful\./);

  const after = await step(t, home, ['cryptounit-compare']);
  t.regex(after, /==> All crypto units are configured the same\. <==/);
  const newCurrent = section(after, 'CURRENT MASTER KEY REGISTER');
  t.regex(newCurrent[0] ?? '', /^1\s+Valid/);
  t.not(newCurrent[0]?.split(/\s+/)[2], oldVp, 'the current register holds the new master key');
  t.regex(await step(t, home, ['sim', 'keys', 'check']), /1\s+1000\/1000[\s\S]*2\s+1000\/1000/);
});

test('one-shot prompts come in the reference order: KEYNUMs, signature key password, then key files 1, 2, 3', async (t) => {
  const home = newHome();
  await secureUnits(t, home);
  for (const p of [1, 2, 3]) await step(t, home, ['mk-add', '--random'], [`p${p}`, `k${p}`, `k${p}`]);
  const r = await tkesim(home, ['cryptounit-mk-load'], ['1 2 3', ADMINS[0].password, 'k1', 'k2', 'k3']);
  t.is(r.code, 0, r.out);
  const order = [
    'Enter the KEYNUM values of the master key parts you wish to load.',
    '2 or 3 values must be specified, separated by spaces.',
    'Enter the password for the signature key identified by:',
    'Enter the password for key file 1',
    'Enter the password for key file 2',
    'Enter the password for key file 3',
    'OK\nThe new master key register has been loaded in the selected crypto units.',
    'Full Uncommitted',
  ].map((s) => r.out.indexOf(s));
  t.true(order.every((i, k) => i >= 0 && (k === 0 || i > (order[k - 1] ?? 0))), `prompts out of order: ${order.join(',')}\n${r.out}`);
  for (const secret of ['k1', 'k2', 'k3', ADMINS[0].password]) t.false(r.out.includes(`\n${secret}\n`));
});
