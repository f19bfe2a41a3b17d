/**
 * Unit by unit, stop at the first error (reference 8.3), through the built binary: a command for
 * several units changes those before the refusing unit, which keep the change; the refusing unit and
 * those after it do not. The output says which, compare reports the difference, and the rotation
 * pre-check still changes nothing.
 */
import test, { type ExecutionContext } from 'ava';
import { ensureBuilt, newHome, snapshot, tkesim, type Home } from '../helpers/cli.ts';
import { ADMINS, PARTS, loadMasterKey, secureUnits, step } from '../helpers/ceremony.ts';
import { copyHome } from '../helpers/auto-ceremony.ts';

const DAVE = { name: 'Dave Admin', password: 'dave-pw-4' } as const;
const DIFFERENT = /==> WARNING: Crypto units are configured differently\. <==/;

const homes: { secured: Home | null; initialized: Home | null } = { secured: null, initialized: null };
const prepared = (h: Home | null): Home => {
  if (!h) throw new Error('not prepared');
  return copyHome(h);
};

test.before(async (t) => {
  await ensureBuilt();
  const secured = newHome();
  await secureUnits(t, secured);
  for (const p of PARTS) await step(t, secured, ['mk-add', '--random'], [p.description, p.password, p.password]);
  homes.secured = secured;
  const initialized = newHome();
  await secureUnits(t, initialized);
  await loadMasterKey(t, initialized);
  homes.initialized = initialized;
});

/** The `sim status` row of a crypto unit: mode, admins, thresholds, new and current register. */
async function unitRow(t: ExecutionContext, home: Home, num: number): Promise<string> {
  const out = await step(t, home, ['sim', 'status']);
  const row = out.split('\n').find((l) => new RegExp(`^${num}\\*?\\s`).test(l));
  if (!row) throw new Error(`no row for crypto unit ${num}\n${out}`);
  return row.trim().split(/\s+/).slice(2, 7).join(' ');
}

/** The verification pattern (first half) of a register section of `cryptounit-mk` for a unit. */
function vpIn(out: string, section: 'NEW' | 'CURRENT', num: number): string {
  const part = out.slice(out.indexOf(`${section} MASTER KEY REGISTER`));
  return new RegExp(`^${num}\\s+\\S+(?: \\S+)?\\s+([0-9a-f]{32})`, 'm').exec(part)?.[1] ?? '';
}

/** Runs a command that unit 2 refuses after unit 1 accepted: exit 1, the refusal, and the note on what was kept. */
async function stopsAtUnit2(t: ExecutionContext, home: Home, args: string[], answers: string[], code: RegExp): Promise<string> {
  const r = await tkesim(home, args, answers);
  t.is(r.code, 1, r.out + r.err);
  t.regex(r.out, /^FAILED$/m);
  t.regex(r.out, code);
  t.regex(r.out, /crypto unit 2 refused the command/);
  t.regex(r.out, /one at a time, in CRYPTO UNIT NUM order[\s\S]*Crypto unit 1 took the change before the refusal and keeps it; crypto unit 2 was not changed\./);
  // The real CLI's lines come first, tkesim's note after them.
  t.true(r.out.indexOf('FAILED') < r.out.indexOf('tkesim: the command goes'), r.out);
  t.regex(await step(t, home, ['cryptounit-compare']), DIFFERENT);
  return r.out;
}

test('reference 8.3: thresholds 3/3 with 3 admins on unit 1 and 2 on unit 2 secure unit 1 and leave unit 2 in imprint mode', async (t) => {
  const home = newHome();
  await step(t, home, ['sim', 'init', '--yes', '--seed', 'partial-8-3']);
  await step(t, home, ['cryptounit-add', '1', '2']);
  for (const a of ADMINS) await step(t, home, ['sigkey-add'], [a.name, a.password, a.password]);
  await step(t, home, ['sigkey-sel', '1', '2', '3'], ADMINS.map((a) => a.password));
  await step(t, home, ['cryptounit-admin-add', '1'], [ADMINS[0].password]);
  await step(t, home, ['cryptounit-admin-add', '2'], [ADMINS[1].password]);
  await step(t, home, ['cryptounit-rm', '2']);
  await step(t, home, ['cryptounit-admin-add', '3'], [ADMINS[2].password]);
  await step(t, home, ['cryptounit-add', '2']);
  t.is(await unitRow(t, home, 1), 'IMPRINT 3/8 0/0 Empty Empty');
  t.is(await unitRow(t, home, 2), 'IMPRINT 2/8 0/0 Empty Empty');

  const out = await stopsAtUnit2(t, home, ['cryptounit-thrhld-set', '3', '3'], ADMINS.map((a) => a.password), /Return code: 209\nReason code: 57\n/);
  // Carol is an installed admin of unit 1 only: her password is asked, and unit 2 gets only its own admins' signatures.
  t.regex(out, /Carol Admin \(/);
  t.is(await unitRow(t, home, 1), 'secured 3/8 3/3 Empty Empty');
  t.is(await unitRow(t, home, 2), 'IMPRINT 2/8 0/0 Empty Empty');
  t.regex(await step(t, home, ['cryptounit-thrhlds']), /^1\s+3\s+3\s*$[\s\S]*^2\s+0\s+0\s*$/m);
});

test('a load that unit 2 refuses keeps the master key loaded in unit 1', async (t) => {
  const home = prepared(homes.secured);
  await step(t, home, ['cryptounit-rm', '1']);
  await step(t, home, ['cryptounit-mk-load', '1', '2'], [ADMINS[0].password, PARTS[0].password, PARTS[1].password]);
  await step(t, home, ['cryptounit-add', '1']);
  const before = vpIn(await step(t, home, ['cryptounit-mk']), 'NEW', 2);
  t.regex(before, /^[0-9a-f]{32}$/);
  await stopsAtUnit2(t, home, ['cryptounit-mk-load', '1', '2', '3'], [ADMINS[0].password, ...PARTS.map((p) => p.password)], /^FAILED$/m);
  const after = await step(t, home, ['cryptounit-mk']);
  t.is(await unitRow(t, home, 1), 'secured 3/8 2/2 Full Uncommitted');
  t.is(vpIn(after, 'NEW', 2), before, 'unit 2 still holds what it held');
  t.not(vpIn(after, 'NEW', 1), before, 'unit 1 holds the newly loaded key');
});

test('a commit of different keys: unit 1 commits, unit 2 refuses 101/48 and stays uncommitted', async (t) => {
  const home = prepared(homes.secured);
  await step(t, home, ['cryptounit-rm', '2']);
  await step(t, home, ['cryptounit-mk-load', '1', '2', '3'], [ADMINS[0].password, ...PARTS.map((p) => p.password)]);
  await step(t, home, ['cryptounit-add', '2']);
  await step(t, home, ['cryptounit-rm', '1']);
  await step(t, home, ['cryptounit-mk-load', '1', '2'], [ADMINS[0].password, PARTS[0].password, PARTS[1].password]);
  await step(t, home, ['cryptounit-add', '1']);
  await stopsAtUnit2(t, home, ['cryptounit-mk-commit'], [ADMINS[0].password, ADMINS[1].password], /Return code: 101\nReason code: 48\n/);
  t.regex(await unitRow(t, home, 1), /^secured 3\/8 2\/2 Full Committed/);
  t.regex(await unitRow(t, home, 2), /^secured 3\/8 2\/2 Full Uncommitted/);
});

test('an admin-add that unit 2 refuses (too few signatures for its threshold) installs the administrator in unit 1', async (t) => {
  const home = prepared(homes.secured);
  await step(t, home, ['sigkey-add'], [DAVE.name, DAVE.password, DAVE.password]);
  await step(t, home, ['cryptounit-rm', '1']);
  await step(t, home, ['cryptounit-thrhld-set', '3', '3'], [ADMINS[0].password, ADMINS[1].password]);
  await step(t, home, ['cryptounit-add', '1']);
  await step(t, home, ['sigkey-sel', '1', '2'], [ADMINS[0].password, ADMINS[1].password]);
  const out = await stopsAtUnit2(t, home, ['cryptounit-admin-add', '4'], [DAVE.password, ADMINS[0].password, ADMINS[1].password], /Return code: 208\n/);
  t.notRegex(out, /Carol Admin \(/, 'Carol is not selected: only the selected admins are asked');
  t.is(await unitRow(t, home, 1), 'secured 4/8 2/2 Empty Empty');
  t.is(await unitRow(t, home, 2), 'secured 3/8 3/3 Empty Empty');
  const admins = await step(t, home, ['cryptounit-admins']);
  t.regex(admins, /Dave Admin[\s\S]*^2\s+Alice Admin/m, 'Dave is installed in unit 1, listed before unit 2');
  t.is(admins.match(/Dave Admin/g)?.length, 1, 'and not in unit 2');
});

test('the rotation pre-check runs on all units first: partly committed units change nothing, no password asked', async (t) => {
  const home = prepared(homes.initialized);
  for (const p of PARTS) await step(t, home, ['mk-add', '--random'], [`new ${p.description}`, p.password, p.password]);
  await step(t, home, ['cryptounit-mk-load', '4', '5', '6'], [ADMINS[0].password, ...PARTS.map((p) => p.password)]);
  await step(t, home, ['cryptounit-rm', '1']);
  await step(t, home, ['cryptounit-mk-clrnew'], [ADMINS[0].password]);
  await step(t, home, ['cryptounit-mk-load', '4', '5'], [ADMINS[0].password, PARTS[0].password, PARTS[1].password]);
  await step(t, home, ['cryptounit-add', '1']);
  await stopsAtUnit2(t, home, ['cryptounit-mk-commit'], [ADMINS[0].password, ADMINS[1].password], /Return code: 101\nReason code: 48\n/);
  const before = snapshot(home);
  const r = await tkesim(home, ['cryptounit-mk-rotate'], ['y', ADMINS[0].password, ADMINS[1].password]);
  t.is(r.code, 1, r.out);
  t.regex(r.out, /pre-check failed: The new master key registers are not all Full Committed/);
  t.notRegex(r.out, /Enter the password/);
  t.notRegex(r.out, /Master key rotation started/);
  t.is(snapshot(home), before, 'the world and the selection are unchanged');
});
