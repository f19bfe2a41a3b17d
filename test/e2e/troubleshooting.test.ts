/**
 * The troubleshooting cases of issue 11 item 5, through the built binary: an empty resource group
 * (sim init --instances 0), HTTP 403 for a missing Manager role, and 209/71 on units an old plug-in
 * locked to thresholds of 1, each with the documented recovery.
 */
import test from 'ava';
import { ensureBuilt, newHome, snapshot, tkesim, type Home } from '../helpers/cli.ts';
import { ADMINS, PARTS, loadMasterKey, secureUnits, step } from '../helpers/ceremony.ts';
import { SIGNERS, autoInitialized, copyHome, expectHealthy } from '../helpers/auto-ceremony.ts';

const homes: { auto: Home | null; parts: Home | null } = { auto: null, parts: null };
const prepared = (h: Home | null): Home => {
  if (!h) throw new Error('not prepared');
  return copyHome(h);
};

test.before(async (t) => {
  await ensureBuilt();
  homes.auto = await autoInitialized(t, 'troubleshooting');
  const home = newHome();
  await secureUnits(t, home);
  await loadMasterKey(t, home);
  await step(t, home, ['sim', 'keys', 'create', '100']);
  homes.parts = home;
});

const NO_INSTANCES = 'No service instances were found for the current resource group.';

test('an empty resource group: cryptounits prints the header, a blank line and the message; other commands fail cleanly', async (t) => {
  const home = newHome();
  t.regex(await step(t, home, ['sim', 'init', '--instances', '0', '--yes']), /0 service instance\(s\) in us-south, 0 crypto units/);
  const list = await step(t, home, ['cryptounits']);
  const lines = list.split('\n');
  t.is(lines[0], 'API endpoint:     https://cloud.ibm.com');
  t.regex(lines[3] ?? '', /^Account: {10}Trainee Account \([0-9a-f]{32}\)$/);
  t.deepEqual(lines.slice(4), ['Resource group:   Default', '', NO_INSTANCES, '']);
  const expected: readonly [readonly string[], RegExp][] = [
    [['cryptounit-add', '1'], /There are no crypto units to add: the resource group has no service instance/],
    [['cryptounit-rm'], /There are no crypto units to remove/],
    [['cryptounit-compare'], /No crypto units are selected/],
    [['cryptounit-thrhld-set', '2', '2'], /No crypto units are selected/],
    [['cryptounit-mk-load', '1', '2'], /No crypto units are selected/],
    [['cryptounit-zeroize'], /No crypto units are selected/],
    [['auto-init'], new RegExp(`^FAILED\n${NO_INSTANCES}\n$`)],
    [['auto-mk-rotate'], new RegExp(`^FAILED\n${NO_INSTANCES}\n$`)],
    [['auto-mk-recover'], /No crypto units are selected/],
    [['failover-enable'], /No crypto units are selected/],
    [['sim', 'fault', 'thresholds-locked'], /The simulated world has no crypto unit: its resource group is empty/],
    [['sim', 'fault', 'unit-zeroized', '1'], /The simulated world has no crypto unit/],
  ];
  for (const [args, message] of expected) {
    const r = await tkesim(home, args, ['1', 'y']);
    t.is(r.code, 1, `${args.join(' ')}: ${r.out}${r.err}`);
    t.regex(r.out, /FAILED\n/, args.join(' '));
    t.regex(r.out, message, args.join(' '));
    t.is(r.err, '', `${args.join(' ')} printed no stack trace`);
  }
  t.regex(await step(t, home, ['sim', 'status']), /World:\s+0 service instance\(s\) in us-south, 0 crypto units/);
  await step(t, home, ['sim', 'init', '--yes']);
  t.regex(await step(t, home, ['cryptounits']), /SERVICE INSTANCE: [0-9a-f-]{36}\n/, 'a provisioned instance is listed again');
});

test('sim fault list explains the new faults and their recovery', async (t) => {
  const list = await step(t, prepared(homes.auto), ['sim', 'fault', 'list']);
  t.regex(list, /^manager-role-missing\n {2}Your user lost the Manager service access role[\s\S]*?Recovery:\n {4}1\. Ask the account's service administrator to assign you the Manager service access role[^\n]*sim fault clear/m);
  t.regex(list, /^thresholds-locked \[CRYPTO_UNIT_NUM\]\n[\s\S]*?return code 209, reason code 71[\s\S]*?Recovery:\n {4}1\. Only a zeroize sets the control bits again/m);
});

const FORBIDDEN_LINES = [
  'FAILED',
  'Error querying service instances.',
  'Status code: 403',
  'Message: Forbidden',
  'Your access token is invalid, expired, or does not have the necessary permissions to access this instance.',
];

test('manager-role-missing: viewing and selecting fail with 403, nothing changes; Crypto unit administrator commands still work; sim fault clear restores', async (t) => {
  const home = prepared(homes.auto);
  t.regex(await step(t, home, ['sim', 'fault', 'manager-role-missing']), /^OK\nYour user lost the Manager service access role/);
  const before = snapshot(home);
  for (const args of [['cryptounits'], ['cryptounit-compare'], ['cryptounit-admins'], ['cryptounit-thrhlds'], ['cryptounit-mk'], ['cryptounit-add', '1'], ['cryptounit-rm', '1']]) {
    const r = await tkesim(home, args);
    t.is(r.code, 1, args.join(' '));
    t.deepEqual(r.out.split('\n').slice(0, FORBIDDEN_LINES.length), FORBIDDEN_LINES, args.join(' '));
    t.regex(r.out, /Manager service access role[\s\S]*sim fault clear/, args.join(' '));
  }
  t.is(snapshot(home), before, 'nothing changed while forbidden');
  t.regex(await step(t, home, ['sigkeys']), /Alice Admin/, 'workstation commands are not affected');
  t.regex(await step(t, home, ['sim', 'fault', 'list']), /Active now: manager-role-missing/);
  t.regex(await step(t, home, ['sim', 'status']), /Faults:\s+Manager role missing/);
  t.regex(await step(t, home, ['cryptounit-mk-clrnew'], SIGNERS), /^OK\n/m, 'a master key command accepts Crypto unit administrator');
  await step(t, home, ['sim', 'fault', 'login-expired']);
  t.regex((await tkesim(home, ['cryptounits'])).out, /Status code: 401/, 'the token is checked before the role');
  await step(t, home, ['sim', 'login']);
  t.regex((await tkesim(home, ['cryptounits'])).out, /Status code: 403/, 'a new login does not give the role back');
  t.regex(await step(t, home, ['sim', 'fault', 'clear']), /The Manager service access role was assigned to your user again\./);
  t.regex(await step(t, home, ['cryptounits']), /SERVICE INSTANCE:/);
  t.regex(await step(t, home, ['sim', 'fault', 'list']), /Active now: none/);
  await expectHealthy(t, home);
});

test('thresholds-locked: thrhld-set is refused with 209/71 and changes nothing; zeroize, re-add, set, reload the same parts', async (t) => {
  const home = prepared(homes.parts);
  t.regex(await step(t, home, ['sim', 'fault', 'thresholds-locked']), /^OK\n2 crypto units: An old TKE plug-in/);
  t.regex(await step(t, home, ['cryptounit-thrhlds']), /^1\s+1\s+1\s*\n2\s+1\s+1\s*$/m);
  const before = snapshot(home);
  const r = await tkesim(home, ['cryptounit-thrhld-set', '2', '2'], SIGNERS);
  t.is(r.code, 1, r.out);
  t.regex(r.out, /FAILED\nError reported by EP11 crypto module\.\nReturn code: 209\nReason code: 71\nError message: Change not allowed\. {2}You are not allowed to change a threshold value if the corresponding attribute control bit is reset\.\n/);
  t.is(snapshot(home), before, 'the refused command changed nothing');
  await step(t, home, ['cryptounit-zeroize'], ['y', ADMINS[0].password]);
  for (const [i, a] of ADMINS.entries()) await step(t, home, ['cryptounit-admin-add', String(i + 1)], [a.password]);
  t.regex(await step(t, home, ['cryptounit-thrhld-set', '2', '2'], SIGNERS), /^OK\n/m);
  t.regex(await step(t, home, ['cryptounit-thrhlds']), /^1\s+2\s+2\s*\n2\s+2\s+2\s*$/m);
  await step(t, home, ['cryptounit-mk-load', '1', '2', '3'], [ADMINS[0].password, ...PARTS.map((p) => p.password)]);
  await step(t, home, ['cryptounit-mk-commit'], SIGNERS);
  await step(t, home, ['cryptounit-mk-setimm'], ['y', ADMINS[0].password]);
  await expectHealthy(t, home);
});
