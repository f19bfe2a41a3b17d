/**
 * Each fault of `tkesim sim fault`, then the recovery the reference's troubleshooting section (4.4)
 * documents, ending with cryptounit-compare reporting the units configured the same and every
 * stored key decrypting.
 */
import test from 'ava';
import { ensureBuilt, snapshot, tkesim, type Home } from '../helpers/cli.ts';
import { ADMINS, PARTS, loadMasterKey, secureUnits, step } from '../helpers/ceremony.ts';
import { SIGNERS, autoInitialized, copyHome, expectHealthy, keyCounts } from '../helpers/auto-ceremony.ts';
import { newHome } from '../helpers/cli.ts';

const homes: { auto: Home | null; parts: Home | null } = { auto: null, parts: null };
const auto = (): Home => copyHome(homes.auto ?? (() => { throw new Error('not prepared'); })());
const parts = (): Home => copyHome(homes.parts ?? (() => { throw new Error('not prepared'); })());

test.before(async (t) => {
  await ensureBuilt();
  homes.auto = await autoInitialized(t, 'drills');
  const home = newHome();
  await secureUnits(t, home);
  await loadMasterKey(t, home);
  await step(t, home, ['sim', 'keys', 'create', '100']);
  homes.parts = home;
});

test('sim fault list explains every fault and its recovery; a missing kind is a usage error', async (t) => {
  const home = auto();
  const list = await step(t, home, ['sim', 'fault', 'list']);
  for (const kind of ['login-expired', 'rotate-before-rewrap', 'rotate-after-rewrap', 'threshold-drift', 'unit-zeroized', 'current-cleared', 'sigkey-lost', 'control-points-unset']) {
    t.regex(list, new RegExp(`^${kind}`, 'm'));
  }
  t.regex(list, /Do NOT rerun auto-mk-rotate/);
  t.regex(list, /Active now: none/);
  const r = await tkesim(home, ['sim', 'fault']);
  t.is(r.code, 2);
  t.regex(r.out, /Incorrect usage: Name a fault: login-expired/);
});

test('login-expired: every service command fails with 401 until sim login; workstation commands still work', async (t) => {
  const home = auto();
  await step(t, home, ['sim', 'fault', 'login-expired']);
  const before = snapshot(home);
  for (const args of [['cryptounits'], ['cryptounit-compare'], ['cryptounit-add', '1'], ['auto-mk-rotate'], ['cryptounit-mk-rotate']]) {
    const r = await tkesim(home, args, SIGNERS);
    t.is(r.code, 1, args.join(' '));
    t.is(r.out, 'FAILED\nError querying service instances.\nStatus code: 401\nMessage: Unauthorized\nYour access token is invalid, expired, or does not have the necessary permissions to access this instance.\nLog in again with tkesim sim login (ibmcloud login on the real system), then run the command again.\n');
  }
  t.is(snapshot(home), before, 'nothing changed while unauthorized');
  t.regex(await step(t, home, ['sigkeys']), /Alice Admin/);
  t.regex(await step(t, home, ['sim', 'fault', 'list']), /Active now: login-expired/);
  t.regex(await step(t, home, ['sim', 'login']), /Authenticating\.\.\.\nOK/);
  t.regex(await step(t, home, ['cryptounits']), /SERVICE INSTANCE:/);
  await expectHealthy(t, home);
});

test('rotate-before-rewrap on cryptounit-mk-rotate: rerunning cryptounit-mk-rotate resumes and finishes', async (t) => {
  const home = parts();
  await step(t, home, ['sim', 'fault', 'rotate-before-rewrap']);
  await step(t, home, ['mk-add', '--random'], ['new part', 'part-pw-4', 'part-pw-4']);
  await step(t, home, ['cryptounit-mk-load', '1', '4'], [ADMINS[0].password, PARTS[0].password, 'part-pw-4']);
  await step(t, home, ['cryptounit-mk-commit'], SIGNERS);
  const r = await tkesim(home, ['cryptounit-mk-rotate'], ['y', ADMINS[0].password]);
  t.is(r.code, 1, r.out);
  t.regex(r.out, /Master key rotation started\.\nFAILED\nThe connection to the crypto units was lost/);
  t.notRegex(r.out, /KMS CRK rewrap successful/);
  t.deepEqual(keyCounts(await step(t, home, ['sim', 'keys', 'check'])), { 1: '50/100', 2: '50/100', '3*': '0/0', '4*': '0/0' });
  const again = await step(t, home, ['cryptounit-mk-rotate'], ['y', ADMINS[0].password]);
  t.regex(again, /KMS CRK rewrap successful, waiting on cryptounit-mk-setimm\.\nOK\nMaster key rotation successful\./);
  await expectHealthy(t, home);
});

test('rotate-before-rewrap on auto-mk-rotate (after "Delaying 30 seconds"): cryptounit-mk-rotate finishes it', async (t) => {
  const home = auto();
  await step(t, home, ['sim', 'fault', 'rotate-before-rewrap']);
  const r = await tkesim(home, ['auto-mk-rotate'], SIGNERS);
  t.is(r.code, 1, r.out);
  t.regex(r.out, /Delaying 30 seconds to allow server to discover new master key values\nFAILED/);
  t.notRegex(r.out, /KMS CRK rewrap successful/);
  t.regex(await step(t, home, ['cryptounit-mk']), /Full Committed/);
  const rotate = await step(t, home, ['cryptounit-mk-rotate'], ['y', ADMINS[0].password]);
  t.regex(rotate, /OK\nMaster key rotation successful\./);
  await expectHealthy(t, home);
});

test('rotate-after-rewrap: unselect the promoted unit, set immediate on the rest, select all again', async (t) => {
  const home = auto();
  await step(t, home, ['sim', 'fault', 'rotate-after-rewrap']);
  const r = await tkesim(home, ['auto-mk-rotate'], SIGNERS);
  t.is(r.code, 1);
  t.regex(r.out, /Delaying 30 seconds[\s\S]*KMS CRK rewrap successful, waiting on cryptounit-mk-setimm\.\nFAILED/);
  const mk = await step(t, home, ['cryptounit-mk']);
  t.regex(mk, /NEW MASTER KEY REGISTER[\s\S]*^1\s+Empty[\s\S]*^2\s+Full Committed/m);
  t.regex(await step(t, home, ['cryptounit-compare']), /WARNING: Crypto units are configured differently/);
  await step(t, home, ['cryptounit-rm', '1']);
  const setimm = await step(t, home, ['cryptounit-mk-setimm'], ['y', ADMINS[0].password]);
  t.notRegex(setimm, /Note \(tkesim\)/, 'no key is lost: key storage was ready for the new value');
  await step(t, home, ['cryptounit-add', '1']);
  await expectHealthy(t, home);
});

test('threshold-drift: rotation pre-checks fail; fix the drifted unit alone with cryptounit-thrhld-set', async (t) => {
  const home = auto();
  t.regex(await step(t, home, ['sim', 'fault', 'threshold-drift']), /Crypto unit 2: A crypto unit's signature threshold drifted/);
  t.regex(await step(t, home, ['cryptounit-compare']), /WARNING: Crypto units are configured differently/);
  const r = await tkesim(home, ['auto-mk-rotate'], SIGNERS);
  t.regex(r.out, /pre-check failed: The signature thresholds of the selected crypto units are not all the same/);
  await step(t, home, ['cryptounit-rm', '1', '3', '4']);
  await step(t, home, ['cryptounit-thrhld-set', '2', '2'], [ADMINS[0].password]);
  await step(t, home, ['cryptounit-add', '1', '3', '4']);
  await expectHealthy(t, home);
});

test('unit-zeroized: reinstall admins and thresholds, then auto-mk-recover from a recovery unit', async (t) => {
  const home = auto();
  await step(t, home, ['sim', 'fault', 'unit-zeroized']);
  t.is(keyCounts(await step(t, home, ['sim', 'keys', 'check']))['2'], '0/100');
  await step(t, home, ['cryptounit-rm', '1', '3', '4']);
  for (const [i, a] of ADMINS.entries()) await step(t, home, ['cryptounit-admin-add', String(i + 1)], [a.password]);
  await step(t, home, ['cryptounit-thrhld-set', '2', '2'], SIGNERS);
  await step(t, home, ['cryptounit-add', '3']);
  await step(t, home, ['auto-mk-recover'], SIGNERS);
  await step(t, home, ['cryptounit-add', '1', '4']);
  await expectHealthy(t, home);
});

test('unit-zeroized in a key-part instance: reinstall, then load the same key parts into that unit alone', async (t) => {
  const home = parts();
  await step(t, home, ['sim', 'fault', 'unit-zeroized', '2']);
  await step(t, home, ['cryptounit-rm', '1']);
  for (const [i, a] of ADMINS.entries()) await step(t, home, ['cryptounit-admin-add', String(i + 1)], [a.password]);
  await step(t, home, ['cryptounit-thrhld-set', '2', '2'], SIGNERS);
  await step(t, home, ['cryptounit-mk-load', '1', '2', '3'], [ADMINS[0].password, ...PARTS.map((p) => p.password)]);
  await step(t, home, ['cryptounit-mk-commit'], SIGNERS);
  await step(t, home, ['cryptounit-mk-setimm'], ['y', ADMINS[0].password]);
  await step(t, home, ['cryptounit-add', '1']);
  await expectHealthy(t, home);
});

test('current-cleared: auto-mk-recover from a recovery unit into the damaged unit', async (t) => {
  const home = auto();
  await step(t, home, ['sim', 'fault', 'current-cleared', '1']);
  t.regex(await step(t, home, ['cryptounit-compare']), /^1\s+Empty/m);
  t.is(keyCounts(await step(t, home, ['sim', 'keys', 'check']))['1'], '0/100');
  await step(t, home, ['cryptounit-rm', '2', '3']);
  const recover = await step(t, home, ['auto-mk-recover'], SIGNERS);
  t.regex(recover, /from recovery crypto unit 4 [\s\S]* into crypto unit 1\./);
  await step(t, home, ['cryptounit-add', '2', '3']);
  await expectHealthy(t, home);
});

test('sigkey-lost: remove the lost administrator, install a new one, select it', async (t) => {
  const home = auto();
  t.regex(await step(t, home, ['sim', 'fault', 'sigkey-lost']), /The signature key file of Carol Admin \(KEYNUM 3\) is lost/);
  t.notRegex(await step(t, home, ['sigkeys']), /Carol Admin/);
  t.regex(await step(t, home, ['cryptounit-admins']), /Carol Admin/, 'the administrator is still installed');
  await step(t, home, ['cryptounit-admin-rm', '3'], SIGNERS);
  await step(t, home, ['sigkey-add'], ['Dave Admin', 'dave-pw-4', 'dave-pw-4']);
  await step(t, home, ['cryptounit-admin-add', '3'], ['dave-pw-4', ...SIGNERS]);
  await step(t, home, ['sigkey-sel', '1', '2', '3'], [...SIGNERS, 'dave-pw-4']);
  const compare = await step(t, home, ['cryptounit-compare']);
  t.notRegex(compare, /Carol Admin/);
  t.regex(compare, /^4\*\s+Alice Admin[\s\S]*Dave Admin/m);
  await expectHealthy(t, home);
});

test('control-points-unset: cryptounit-cp-eddsa, -btc and -sig-other set them again', async (t) => {
  const home = auto();
  await step(t, home, ['sim', 'fault', 'control-points-unset']);
  const unset = await step(t, home, ['cryptounit-compare']);
  t.regex(unset, /CONTROL POINTS[\s\S]*^1\s+Not Set\s+Not Set\s+Not Set/m);
  for (const cp of ['cryptounit-cp-eddsa', 'cryptounit-cp-btc', 'cryptounit-cp-sig-other']) {
    t.regex(await step(t, home, [cp], SIGNERS), /OK\nThe control point XCP_CPB_\w+ has been set in the selected crypto units\./);
  }
  const compare = await step(t, home, ['cryptounit-compare']);
  t.notRegex(compare, /Not Set/);
  t.regex(compare, /^3\*\s+Set\s+Set\s+Set/m);
  await expectHealthy(t, home);
});

test('a control point set in imprint mode is refused with 179; sim fault clear disarms an interruption', async (t) => {
  const home = newHome();
  await step(t, home, ['sim', 'init', '--yes']);
  await step(t, home, ['cryptounit-add', '1']);
  const r = await tkesim(home, ['cryptounit-cp-btc']);
  t.is(r.code, 1);
  t.regex(r.out, /Return code: 179/);
  await step(t, home, ['sim', 'fault', 'rotate-after-rewrap']);
  t.regex(await step(t, home, ['sim', 'status']), /Faults:\s+next rotation interrupted after rewrap/);
  t.regex(await step(t, home, ['sim', 'fault', 'clear']), /disarmed/);
  t.regex(await step(t, home, ['sim', 'status']), /Faults:\s+none/);
});
