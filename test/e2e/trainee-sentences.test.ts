import test from 'ava';
import { ensureBuilt, newHome, tkesim } from '../helpers/cli.ts';
import { ADMINS, loadMasterKey, PARTS, secureUnits, step } from '../helpers/ceremony.ts';

test.before(ensureBuilt);

test('set immediate on units with stored keys says how many would become unreadable; an answer that is not y or n is No, said once', async (t) => {
  const home = newHome();
  await secureUnits(t, home);
  await loadMasterKey(t, home);
  await step(t, home, ['sim', 'keys', 'create', '7']);
  for (const p of PARTS.slice(0, 2)) await step(t, home, ['mk-add', '--random'], [`${p.description} b`, p.password, p.password]);
  await step(t, home, ['cryptounit-mk-load'], ['4 5', ADMINS[0].password, PARTS[0].password, PARTS[1].password]);
  await step(t, home, ['cryptounit-mk-commit'], [ADMINS[0].password, ADMINS[1].password]);
  const maybe = await tkesim(home, ['cryptounit-mk-setimm'], ['maybe']);
  t.regex(maybe.out, /Warning!  Any key storage/);
  t.regex(maybe.out, /tkesim: this would make 14 stored keys unreadable \(7 in crypto unit 1, 7 in crypto unit 2\): set immediate does not re-encipher key storage\. cryptounit-mk-rotate keeps them readable\./);
  t.is(maybe.out.match(/neither y nor n, so it is taken as No/g)?.length, 1);
  t.notRegex(maybe.out, /maybe/);
  const quiet = await tkesim(home, ['cryptounit-mk-setimm'], ['maybe'], { TKESIM_EXPLAIN: '0' });
  t.notRegex(quiet.out, /tkesim:/);
  // The key part password prompts name the part after the real prompt line.
  const load = await tkesim(home, ['cryptounit-mk-load'], ['1 2', ADMINS[0].password, 'wrong']);
  t.regex(load.out, /Enter the password for key file 1\ntkesim: key part KEYNUM 1, "part one"/);
});
