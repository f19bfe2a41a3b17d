import test, { type ExecutionContext } from 'ava';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, newHome, snapshot, tkesim, type Home } from '../helpers/cli.ts';
import { ADMINS, PARTS, loadMasterKey, secureUnits, step } from '../helpers/ceremony.ts';

/** Homes at three stages of the ceremony, copied for each case so that cases stay independent. */
const stages: Record<'imprint' | 'secured' | 'loaded' | 'initialized', Home | null> = { imprint: null, secured: null, loaded: null, initialized: null };

function copyOf(stage: keyof typeof stages): Home {
  const source = stages[stage];
  if (!source) throw new Error(`stage ${stage} not ready`);
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-case-'));
  rmSync(dir, { recursive: true });
  cpSync(source.dir, dir, { recursive: true });
  return { dir, env: { ...source.env, TKESIM_HOME: dir } };
}

test.before(async (t) => {
  await ensureBuilt();
  const imprint = newHome();
  await step(t, imprint, ['sim', 'init', '--yes']);
  await step(t, imprint, ['cryptounit-add'], ['1 2']);
  for (const p of PARTS) await step(t, imprint, ['mk-add', '--random'], [p.description, p.password, p.password]);
  stages.imprint = imprint;

  const secured = newHome();
  await secureUnits(t, secured);
  for (const p of PARTS) await step(t, secured, ['mk-add', '--random'], [p.description, p.password, p.password]);
  stages.secured = secured;

  stages.loaded = copyOf('secured');
  await step(t, stages.loaded, ['cryptounit-mk-load'], ['1 2 3', ADMINS[0].password, ...PARTS.map((p) => p.password)]);

  const initialized = newHome();
  await secureUnits(t, initialized);
  await loadMasterKey(t, initialized);
  stages.initialized = initialized;
});

/** Runs a command that must be refused: FAILED, exit 1, the expected text, and the world unchanged. */
async function refusedUnchanged(t: ExecutionContext, home: Home, args: string[], answers: string[], expected: RegExp, extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
  const before = snapshot(home);
  const r = await tkesim(home, args, answers, extraEnv);
  t.is(r.code, 1, r.out + r.err);
  t.regex(r.out, /^FAILED$/m);
  t.regex(r.out, expected);
  t.is(snapshot(home), before, 'the world and the selection are unchanged');
  return r.out;
}

test('commit with one signature when the threshold is 2: 208', async (t) => {
  const home = copyOf('loaded');
  await step(t, home, ['sigkey-sel', '1'], [ADMINS[0].password]);
  await refusedUnchanged(t, home, ['cryptounit-mk-commit'], [ADMINS[0].password], /Return code: 208[\s\S]*sigkey-sel/);
});

test('load in imprint mode: 179, without asking for any password', async (t) => {
  const home = copyOf('imprint');
  const out = await refusedUnchanged(t, home, ['cryptounit-mk-load'], ['1 2 3'], /Return code: 179/);
  t.notRegex(out, /Enter the password/);
});

test('setimm while Full Uncommitted is refused: commit first', async (t) => {
  const home = copyOf('loaded');
  await refusedUnchanged(t, home, ['cryptounit-mk-setimm'], ['y', ADMINS[0].password], /not committed[\s\S]*cryptounit-mk-commit/);
});

test('a wrong password is refused before anything reaches a unit', async (t) => {
  const home = copyOf('loaded');
  await refusedUnchanged(t, home, ['cryptounit-mk-commit'], [ADMINS[0].password, 'not-the-password'], /password for the signature key identified by Bob Admin[\s\S]*is not valid\. Nothing was sent/);
  await refusedUnchanged(t, home, ['cryptounit-mk-load'], ['1 2', ADMINS[0].password, PARTS[0].password, 'wrong'], /password for key file 2/);
});

test('a selected key that is not an installed admin is skipped, not asked for (reference 8.3): too few signatures, 208', async (t) => {
  const home = copyOf('loaded');
  await step(t, home, ['sigkey-add'], ['Dave Outsider', 'dave-pw', 'dave-pw']);
  await step(t, home, ['sigkey-sel', '4'], ['dave-pw']);
  const out = await refusedUnchanged(t, home, ['cryptounit-mk-clrnew'], ['dave-pw'], /Return code: 208/);
  t.notRegex(out, /Enter the password/);
});

test('a replayed signed command is refused on its transaction counter: 163', async (t) => {
  const home = copyOf('loaded');
  const wire = join(home.dir, 'wire.jsonl');
  await step(t, home, ['sigkey-sel', '1'], [ADMINS[0].password]);
  const r = await tkesim(home, ['cryptounit-mk-clrnew'], [ADMINS[0].password], { TKESIM_WIRE_LOG: wire });
  t.is(r.code, 0, r.out);
  const captured = readFileSync(wire, 'utf8');
  t.is(captured.trim().split('\n').length, 2, 'one signed request per unit was captured');
  for (const secret of [ADMINS[0].password, ...PARTS.map((p) => p.password)]) t.false(captured.includes(secret));
  await refusedUnchanged(t, home, ['sim', 'resend', wire], [], /Return code: 163/);
});

test('an altered signed command is refused: 192', async (t) => {
  const home = copyOf('loaded');
  const wire = join(home.dir, 'wire.jsonl');
  await step(t, home, ['sigkey-sel', '1'], [ADMINS[0].password]);
  const capture = await tkesim(home, ['cryptounit-mk-clrnew'], [ADMINS[0].password], { TKESIM_WIRE_LOG: wire });
  t.is(capture.code, 0);
  // An attacker re-targets the captured signatures at the units' new counters and another command.
  const forged = readFileSync(wire, 'utf8').trim().split('\n').map((l) => {
    const req = JSON.parse(l) as { counter: number; command: { kind: string } };
    return JSON.stringify({ ...req, counter: req.counter + 1, command: { kind: 'mk-clrcur' } });
  }).join('\n');
  const forgedFile = join(home.dir, 'forged.jsonl');
  writeFileSync(forgedFile, forged);
  await refusedUnchanged(t, home, ['sim', 'resend', forgedFile], [], /Return code: 192/);
});

test('rotation when the units\' thresholds differ: pre-check fails', async (t) => {
  const home = copyOf('initialized');
  await step(t, home, ['cryptounit-rm', '1']);
  await step(t, home, ['cryptounit-thrhld-set', '3', '3'], [ADMINS[0].password, ADMINS[1].password]);
  await step(t, home, ['cryptounit-add', '1']);
  await refusedUnchanged(t, home, ['cryptounit-mk-rotate'], ['y'], /pre-check failed: The signature thresholds of the selected crypto units are not all the same/);
  t.regex((await tkesim(home, ['cryptounit-compare'])).out, /WARNING: Crypto units are configured differently/);
});

test('a selection mixing secured units and a unit in imprint mode: units 1 and 2 take the command, unit 3 refuses with 179 (reference 8.3)', async (t) => {
  const home = copyOf('loaded');
  await step(t, home, ['cryptounit-add', '3']);
  const r = await tkesim(home, ['cryptounit-mk-clrnew'], [ADMINS[0].password]);
  t.is(r.code, 1, r.out);
  t.regex(r.out, /^FAILED$/m);
  t.regex(r.out, /Return code: 179/);
  t.regex(r.out, /crypto unit 3 refused/);
  t.regex(r.out, /Crypto units 1, 2 took the change before the refusal and keep it; crypto unit 3 was not changed\./);
  t.regex(await step(t, home, ['sim', 'status']), /^1\s+OPERATIONAL\s+secured\s+\S+\s+\S+\s+Empty\s[\s\S]*^2\s+OPERATIONAL\s+secured\s+\S+\s+\S+\s+Empty\s/m);
});
