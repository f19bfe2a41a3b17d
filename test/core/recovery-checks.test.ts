import test from 'ava';
import { autoInitProblem, recoverPlan } from '../../src/core/recovery.ts';
import { rotationProblem } from '../../src/core/rotation.ts';
import type { CryptoUnit } from '../../src/core/types.ts';
import { ALICE, BOB, CAROL, KEY_B, world } from '../helpers/core.ts';
import { initializedWorld, secure, unitAt, withCurrent } from '../helpers/recovery.ts';

const skis = [ALICE.ski, BOB.ski];
const empty = (u: CryptoUnit): CryptoUnit => ({ ...u, currentRegister: { state: 'Empty', key: null } });

test('auto-init needs a recovery unit and every unit in imprint mode', (t) => {
  const fresh = world('init');
  t.is(autoInitProblem(fresh.units), null);
  t.is(autoInitProblem(fresh.units.filter((u) => u.type !== 'RECOVERY')), 'no-recovery-units');
  t.is(autoInitProblem([secure(unitAt(fresh, 0)), ...fresh.units.slice(1)]), 'not-imprint');
  t.is(autoInitProblem(world('madrid', { region: 'eu-es', recovery: 0 }).units), 'no-recovery-units');
});

test('auto-mk-rotate pre-check: the whole instance with its recovery units; new registers are not checked', (t) => {
  const w = initializedWorld();
  t.is(rotationProblem(w, w.units, skis, 'recovery'), null);
  t.is(rotationProblem(w, w.units.slice(0, 2), skis, 'recovery'), 'invalid-selection', 'recovery units are part of the instance');
  t.is(rotationProblem(w, w.units.slice(0, 2), skis), 'new-registers', 'with key parts, recovery units are optional and the new registers must be committed');
  const loaded = w.units.map((u) => ({ ...u, newRegister: { state: 'Full Uncommitted' as const, key: 'ab'.repeat(32) } }));
  t.is(rotationProblem(w, loaded, skis, 'recovery'), null, 'a rerun overwrites the new registers');
  t.is(rotationProblem(w, [unitAt(w, 0), { ...unitAt(w, 1), signatureThreshold: 3 }, unitAt(w, 2), unitAt(w, 3)], skis, 'recovery'), 'thresholds-differ');
  t.is(rotationProblem(w, w.units, [ALICE.ski], 'recovery'), 'no-common-admins');
  t.is(rotationProblem(w, [unitAt(w, 0), empty(unitAt(w, 1)), unitAt(w, 2), unitAt(w, 3)], skis, 'recovery'), 'current-registers');
  const noRecovery = initializedWorld('x');
  const ops = noRecovery.units.filter((u) => u.type === 'OPERATIONAL');
  t.is(rotationProblem({ ...noRecovery, units: ops }, ops, skis, 'recovery'), 'no-recovery-units');
});

test('auto-mk-recover plan: the recovery unit with a Valid current register is the source; units holding its value are left alone', (t) => {
  const w = initializedWorld();
  const [op1, op2, rec1, rec2] = [0, 1, 2, 3].map((i) => unitAt(w, i));
  if (!op1 || !op2 || !rec1 || !rec2) return t.fail();
  const damaged = empty(op2);
  const check = recoverPlan([op1, damaged, rec1, rec2], skis);
  if (!check.ok) return t.fail(check.problem);
  t.is(check.plan.source.id, rec1.id);
  t.deepEqual(check.plan.targets.map((u) => u.id), [op2.id]);
  t.deepEqual(check.plan.alreadySet.map((u) => u.id), [op1.id, rec2.id]);
  const other = recoverPlan([withCurrent(secure(unitAt(world('other'), 0)), KEY_B), rec1], skis);
  t.true(other.ok, 'a target holding another value is a target (another instance sharing the master key)');
});

test('auto-mk-recover pre-checks', (t) => {
  const w = initializedWorld();
  const [op1, op2, rec1] = [0, 1, 2].map((i) => unitAt(w, i));
  if (!op1 || !op2 || !rec1) return t.fail();
  const problem = (units: CryptoUnit[], keys = skis) => {
    const r = recoverPlan(units, keys);
    return r.ok ? null : r.problem;
  };
  t.is(problem([op1, empty(op2)]), 'no-source');
  t.is(problem([empty(rec1), empty(op2)]), 'no-source');
  t.is(problem([rec1, op1]), 'no-targets');
  t.is(problem([rec1]), 'no-targets');
  const zeroized = unitAt(world('recovery'), 1);
  t.is(problem([rec1, zeroized]), 'imprint-mode');
  t.is(problem([rec1, { ...empty(op2), signatureThreshold: 3 }]), 'thresholds-differ');
  t.is(problem([rec1, empty(op2)], [CAROL.ski]), 'no-common-admins');
  t.is(problem([rec1, { ...empty(op2), newRegister: { state: 'Full Committed', key: 'cd'.repeat(32) } }]), 'new-registers');
  t.is(problem([rec1, empty(op2)]), null);
});
