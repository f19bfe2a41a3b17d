/**
 * Signers come from the installed admins (reference 8.3): of the selected signature keys, only those
 * installed as administrators of the target units sign, and only their passwords are asked for.
 */
import test from 'ava';
import { ensureBuilt, newHome, snapshot, tkesim, type Home } from '../helpers/cli.ts';
import { ADMINS, PARTS, secureUnits, step } from '../helpers/ceremony.ts';
import { copyHome } from '../helpers/auto-ceremony.ts';

const DAVE = { name: 'Dave Outsider', password: 'dave-pw-4' } as const;
let loaded: Home | null = null;

test.before(async (t) => {
  await ensureBuilt();
  const home = newHome();
  await secureUnits(t, home);
  for (const p of PARTS) await step(t, home, ['mk-add', '--random'], [p.description, p.password, p.password]);
  await step(t, home, ['cryptounit-mk-load', '1', '2', '3'], [ADMINS[0].password, ...PARTS.map((p) => p.password)]);
  // Dave's key (KEYNUM 4) is on the workstation but installed nowhere.
  await step(t, home, ['sigkey-add'], [DAVE.name, DAVE.password, DAVE.password]);
  loaded = home;
});

const prepared = (): Home => {
  if (!loaded) throw new Error('not prepared');
  return copyHome(loaded);
};

test('a selected key that is not an installed admin is skipped without asking its password; the admins sign', async (t) => {
  const home = prepared();
  await step(t, home, ['sigkey-sel', '4', '1', '2'], [DAVE.password, ADMINS[0].password, ADMINS[1].password]);
  // Only two answers: a prompt for Dave's password would end the dialog for lack of input.
  const out = await step(t, home, ['cryptounit-mk-commit'], [ADMINS[0].password, ADMINS[1].password]);
  t.regex(out, /identified by:\nAlice Admin \([\s\S]*identified by:\nBob Admin \(/);
  t.notRegex(out, /Dave Outsider/);
  t.regex(await step(t, home, ['sim', 'status']), /^1\s+OPERATIONAL\s+secured\s+3\/8\s+2\/2\s+Full Committed/m);
});

test('with fewer installed admins selected than needed, the non-admin is still not asked: the units refuse with 208 and nothing changes', async (t) => {
  const home = prepared();
  await step(t, home, ['sigkey-sel', '1', '4'], [ADMINS[0].password, DAVE.password]);
  const before = snapshot(home);
  const r = await tkesim(home, ['cryptounit-mk-commit'], [ADMINS[0].password, DAVE.password]);
  t.is(r.code, 1, r.out);
  t.regex(r.out, /identified by:\nAlice Admin \(/);
  t.notRegex(r.out, /Dave Outsider/, 'Dave is neither asked for nor signs (a signature of his would be refused with 257)');
  t.regex(r.out, /Return code: 208/);
  t.is(snapshot(home), before);
});
