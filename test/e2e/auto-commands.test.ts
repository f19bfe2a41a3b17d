/** auto-init, auto-mk-rotate, auto-mk-recover (auto-recover) and failover-enable, end to end through one-shot tkesim. */
import test, { type ExecutionContext } from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, newHome, snapshot, tkesim, type Home } from '../helpers/cli.ts';
import { ADMINS, step } from '../helpers/ceremony.ts';
import { AUTO_INIT_ANSWERS, SIGNERS, autoInitialized, copyHome, expectHealthy, indexOrder, storedMasterKeys } from '../helpers/auto-ceremony.ts';

let initialized: Home | null = null;
const prepared = (): Home => {
  if (!initialized) throw new Error('not prepared');
  return copyHome(initialized);
};

test.before(async (t) => {
  await ensureBuilt();
  initialized = await autoInitialized(t);
});

function inOrder(t: ExecutionContext, out: string, lines: readonly string[]): void {
  const at = indexOrder(out, lines);
  t.true(at.every((i, k) => i >= 0 && (k === 0 || i > (at[k - 1] ?? 0))), `out of order: ${lines.map((l, k) => `${at[k]} ${l}`).join('\n')}\n${out}`);
}

const currentVps = (out: string): string[] => {
  const section = out.slice(out.indexOf('CURRENT MASTER KEY REGISTER'));
  return [...section.matchAll(/^\d+\*?\s+Valid\s+([0-9a-f]{32})/gm)].map((m) => m[1] ?? '');
};

test('auto-init: reference prompts and progress, then every unit secured with one master key that never left the units in clear', async (t) => {
  const home = newHome();
  await step(t, home, ['sim', 'init', '--yes', '--seed', 'auto-init']);
  const wire = join(home.dir, 'wire.jsonl');
  const r = await tkesim(home, ['auto-init'], AUTO_INIT_ANSWERS, { TKESIM_WIRE_LOG: wire });
  t.is(r.code, 0, r.out);
  inOrder(t, r.out, [
    'Press enter to continue or Ctrl-c to exit.',
    'ENTER SIGNATURE THRESHOLD VALUES',
    'Enter the number of signatures to be required on commands sent to the service instance.',
    'Enter the number of signatures to be required on commands to remove an administrator.',
    'ENTER NUMBER OF ADMINISTRATORS TO INSTALL',
    'you must install at least 2 administrators.',
    'Enter the number of administrators you want to install:',
    'SELECT EXISTING SIGNATURE KEY FILES TO USE',
    'You asked to install three administrators and selected no existing signature keys to use.  Three new signature key files will be created.',
    'Enter an administrator name to be associated with the signature key:',
    'Installing 1 of 3 administrators....',
    'Installing 3 of 3 administrators....',
    'Setting signature thresholds....',
    'Generating a random master key value....',
    'Transferring the master key value to 1 of 3 crypto units....',
    'Transferring the master key value to 3 of 3 crypto units....',
    'OK\nThe selected service instance has been initialized.',
    "use the 'ibmcloud tke cryptounit-compare' command.",
  ]);
  const compare = await step(t, home, ['cryptounit-compare']);
  t.regex(compare, /==> All crypto units are configured the same\. <==/);
  t.is(currentVps(compare).length, 4);
  t.is(new Set(currentVps(compare)).size, 1, 'operational and recovery units hold the same master key');
  t.regex(compare, /^3\*\s+Alice Admin/m);
  t.regex(await step(t, home, ['sigkeys']), /Carol Admin/);
  const [mk] = storedMasterKeys(home);
  const captured = readFileSync(wire, 'utf8');
  t.truthy(mk);
  for (const secret of [mk ?? '', ...ADMINS.map((a) => a.password)]) {
    t.false(captured.includes(secret), 'the wire log holds no master key or password');
    t.false(r.out.includes(secret), 'the output holds no master key or password');
  }
  t.regex(captured, /"kind":"mk-export"/);
  t.regex(captured, /"kind":"mk-random"/);
});

test('auto-init with an existing signature key and a new one; several instances ask for the INSTANCE NUM', async (t) => {
  const home = newHome();
  await step(t, home, ['sim', 'init', '--yes', '--instances', '2', '--seed', 'two']);
  await step(t, home, ['sigkey-add'], [ADMINS[0].name, ADMINS[0].password, ADMINS[0].password]);
  const out = await step(t, home, ['auto-init'], ['2', '', '2', '1', '2', '1', ADMINS[0].password, ADMINS[1].name, ADMINS[1].password, ADMINS[1].password]);
  inOrder(t, out, [
    'More than one service instance is assigned to the current resource group.',
    'INSTANCE NUM   INSTANCE ID',
    'Enter the INSTANCE NUM of the service instance you want to initialize.',
    'The following signature key files were found on this workstation:',
    'Enter the KEYNUM of the existing signature key files you want to use to create administrators:',
    'Enter the password for the signature key identified by:\nAlice Admin (',
    'You asked to install two administrators and selected one existing signature key to use.  One new signature key file will be created.',
    'OK\nThe selected service instance has been initialized.',
  ]);
  const status = await step(t, home, ['sim', 'status']);
  t.regex(status, /^1\s+OPERATIONAL\s+IMPRINT/m, 'instance 1 is untouched');
  t.regex(status, /^5\s+OPERATIONAL\s+secured\s+2\/8\s+2\/1\s+Empty\s+Valid/m);
  t.regex(status, /^8\*\s+RECOVERY\s+secured/m);
  t.regex(await step(t, home, ['cryptounit-compare']), /==> All crypto units are configured the same\. <==/);
});

test('auto-init refuses units that are not in imprint mode, and changes nothing in them', async (t) => {
  const home = prepared();
  const before = readFileSync(join(home.dir, 'world.json'), 'utf8');
  const r = await tkesim(home, ['auto-init'], AUTO_INIT_ANSWERS);
  t.is(r.code, 1);
  t.regex(r.out, /^FAILED$/m);
  t.regex(r.out, /not in imprint mode[\s\S]*cryptounit-compare[\s\S]*Never zeroize/);
  t.notRegex(r.out, /ENTER SIGNATURE THRESHOLD VALUES/);
  t.is(readFileSync(join(home.dir, 'world.json'), 'utf8'), before);
});

test('auto-mk-rotate: Delaying, rewrap, promotion; a new master key everywhere and every stored key decrypts', async (t) => {
  const home = prepared();
  const before = currentVps(await step(t, home, ['cryptounit-mk']));
  const wire = join(home.dir, 'wire.jsonl');
  const r = await tkesim(home, ['auto-mk-rotate'], SIGNERS, { TKESIM_WIRE_LOG: wire });
  t.is(r.code, 0, r.out);
  inOrder(t, r.out, [
    'Enter the password for the signature key identified by:\nAlice Admin',
    'Master key rotation started.',
    'Generating a random master key value....',
    'Transferring the master key value to 3 of 3 crypto units....',
    'Delaying 30 seconds to allow server to discover new master key values',
    'KMS CRK rewrap successful, waiting on cryptounit-mk-setimm.',
    'OK\nMaster key rotation successful.',
  ]);
  t.notRegex(r.out, /Note \(tkesim\)/);
  const after = currentVps(r.out);
  t.is(after.length, 4);
  t.is(new Set(after).size, 1);
  t.not(after[0], before[0]);
  await expectHealthy(t, home);
  const captured = readFileSync(wire, 'utf8');
  for (const mk of storedMasterKeys(home)) t.false(captured.includes(mk));
});

test('auto-mk-rotate pre-check: without enough selected administrators it stops before asking anything', async (t) => {
  const home = prepared();
  await step(t, home, ['sigkey-sel', '1'], [ADMINS[0].password]);
  const before = readFileSync(join(home.dir, 'world.json'), 'utf8');
  const r = await tkesim(home, ['auto-mk-rotate'], SIGNERS);
  t.is(r.code, 1);
  t.regex(r.out, /Master key rotation pre-check failed: The selected signature keys do not include a common set/);
  t.notRegex(r.out, /Enter the password/);
  t.is(readFileSync(join(home.dir, 'world.json'), 'utf8'), before);
});

test('auto-mk-recover needs a recovery unit with a Valid current register among the selected units', async (t) => {
  const home = prepared();
  await step(t, home, ['cryptounit-rm', '3', '4']);
  const before = snapshot(home);
  const r = await tkesim(home, ['auto-mk-recover'], SIGNERS);
  t.is(r.code, 1);
  t.regex(r.out, /Master key recovery pre-check failed: No selected recovery crypto unit holds a Valid current master key/);
  t.is(snapshot(home), before);
});

test('failover-enable, then the failover units initialized like the others: admins, thresholds, auto-recover', async (t) => {
  const home = prepared();
  const out = await step(t, home, ['failover-enable'], ['2', 'y']);
  inOrder(t, out, [
    'You currently have 0 failover crypto unit(s) for the selected instance',
    'Since you have 2 operational crypto units for this instance, you can have up to 2 failover crypto units',
    'Enter the total number of failover crypto units you would like (max 2):',
    'You will now have 2 failover crypto units. This will affect your billing.',
    'Would you like to continue? [y/n]:',
    'targeting backup region us-east',
    '2 failover crypto units have been assigned.',
    'Getting crypto unit info...',
    'You should initialize your failover crypto units now to be prepared for a failover event.',
  ]);
  t.regex(out, /^5\s+false\s+FAILOVER\s+\[us-east\]/m);
  t.regex(out, /^6\s+false\s+FAILOVER\s+\[us-east\]/m);
  await step(t, home, ['cryptounit-rm', '1', '2', '3', '4']);
  await step(t, home, ['cryptounit-add', '5', '6']);
  for (const [i, a] of ADMINS.entries()) await step(t, home, ['cryptounit-admin-add', String(i + 1)], [a.password]);
  await step(t, home, ['cryptounit-thrhld-set', '2', '2'], SIGNERS);
  await step(t, home, ['cryptounit-add', '3']);
  const recover = await step(t, home, ['auto-recover'], SIGNERS);
  t.regex(recover, /Recovering the master key value from recovery crypto unit 3 [\s\S]* into crypto unit 5, 6\./);
  t.regex(recover, /Transferring the master key value to 2 of 2 crypto units\.\.\.\.\nOK\nThe master key value has been recovered/);
  await step(t, home, ['cryptounit-add', '1', '2', '4']);
  await expectHealthy(t, home);
  t.regex(await step(t, home, ['cryptounit-compare']), /^6\s+Valid/m);
});

test('failover-enable is refused outside the failover regions, changing nothing', async (t) => {
  const home = newHome();
  await step(t, home, ['sim', 'init', '--yes', '--region', 'eu-de']);
  await step(t, home, ['cryptounit-add', '1', '2', '3', '4']);
  const before = snapshot(home);
  const r = await tkesim(home, ['failover-enable'], ['2', 'y']);
  t.is(r.code, 1);
  t.regex(r.out, /FAILED\nFailover crypto units are only available in us-south, us-east, eu-es/);
  t.is(snapshot(home), before);
});
