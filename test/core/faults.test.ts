import test from 'ava';
import { differingAspects } from '../../src/core/compare.ts';
import {
  NO_FAULTS, clearCurrentByMistake, defaultFaultUnit, driftThresholds, faultsOf, unsetControlPoints, withFaults, zeroizeByMistake,
} from '../../src/core/faults.ts';
import { addKeys, decryptableKeys, newKeyValues, recoverableKeys, reencipher } from '../../src/core/key-storage.ts';
import type { World } from '../../src/core/types.ts';
import { ALICE, BOB, KEY_B, loadCommand, must, seeded, vp, world } from '../helpers/core.ts';
import { initializedWorld, secure, unitAt } from '../helpers/recovery.ts';

const applied = (r: ReturnType<typeof driftThresholds>): World => {
  if (!r.ok) throw new Error(r.problem);
  return r.world;
};

test('a world without fault state has none; faults are set and cleared field by field', (t) => {
  const w = world('faults');
  t.deepEqual(faultsOf(w), NO_FAULTS);
  const expired = withFaults(w, { loginExpired: true });
  t.deepEqual(faultsOf(withFaults(expired, { interruption: 'after-rewrap' })), { loginExpired: true, interruption: 'after-rewrap' });
  t.deepEqual(faultsOf(withFaults(expired, { loginExpired: false })), NO_FAULTS);
});

test('unit faults hit the last secured operational unit by default', (t) => {
  const w = initializedWorld();
  t.is(defaultFaultUnit(w)?.id, unitAt(w, 1).id);
  const fresh = world('fresh');
  t.is(defaultFaultUnit(fresh)?.id, unitAt(fresh, 1).id);
});

test('threshold drift: one unit differs from its peers, and its counter moved on', (t) => {
  const w = initializedWorld();
  const u = unitAt(w, 1);
  const after = applied(driftThresholds(w, u));
  t.is(unitAt(after, 1).signatureThreshold, 1);
  t.is(unitAt(after, 1).counter, u.counter + 1);
  t.deepEqual(differingAspects(after.units), ['thresholds']);
  const x = world('x');
  const single = secure(unitAt(x, 0), 1, 1);
  const up = applied(driftThresholds({ ...x, units: [single, ...x.units.slice(1)] }, single));
  t.is(unitAt(up, 0).signatureThreshold, 2, 'a threshold of 1 drifts up when enough admins are installed');
  t.false(driftThresholds(x, unitAt(x, 0)).ok, 'a unit in imprint mode has no threshold to drift');
});

test('zeroized by mistake: imprint mode, no admins, empty registers; keys stay but cannot be decrypted', (t) => {
  const w = initializedWorld();
  const stored = addKeys(unitAt(w, 1), newKeyValues(10, seeded('kms')));
  if (!stored.ok) return t.fail();
  const withKeys: World = { ...w, units: w.units.map((u) => (u.id === stored.unit.id ? stored.unit : u)) };
  const after = applied(zeroizeByMistake(withKeys, stored.unit));
  const z = unitAt(after, 1);
  t.is(z.signatureThreshold, 0);
  t.is(z.admins.length, 0);
  t.is(z.currentRegister.state, 'Empty');
  t.is(z.keyStorage.total, 10);
  t.is(decryptableKeys(z), 0);
  t.false(zeroizeByMistake(after, z).ok, 'a blank unit cannot be zeroized again');
});

test('current register cleared by mistake; refused when it is already Empty', (t) => {
  const w = initializedWorld();
  const after = applied(clearCurrentByMistake(w, unitAt(w, 0)));
  t.is(unitAt(after, 0).currentRegister.state, 'Empty');
  t.deepEqual(differingAspects(after.units), ['current register']);
  t.false(clearCurrentByMistake(after, unitAt(after, 0)).ok);
});

test('control points unset on every unit of the instance: configured the same, all Not Set', (t) => {
  const w = initializedWorld();
  const after = unsetControlPoints(w, unitAt(w, 0).instanceId);
  t.true(after.units.every((u) => Object.values(u.controlPoints).every((v) => !v)));
  t.deepEqual(differingAspects(after.units), []);
});

test('an interrupted rewrap: half the keys move, a resumed rewrap finishes, and every key stays recoverable', (t) => {
  let u = unitAt(initializedWorld(), 0);
  const stored = addKeys(u, newKeyValues(10, seeded('kms')));
  if (!stored.ok) return t.fail();
  u = must(stored.unit, loadCommand(stored.unit, KEY_B), [ALICE]);
  u = must(u, { kind: 'mk-commit', vp: vp(KEY_B) }, [ALICE, BOB]);
  const half = reencipher(u, 5);
  t.is(half.rewrapped, 5);
  t.is(decryptableKeys(half.unit), 5, 'five still open under the current key');
  t.is(recoverableKeys(half.unit), 10, 'the other five open under the new key');
  const rest = reencipher(half.unit);
  t.is(rest.rewrapped, 5);
  t.is(rest.unreadable, 0);
  t.is(decryptableKeys(must(rest.unit, { kind: 'mk-setimm' }, [ALICE])), 10);
  t.is(decryptableKeys(must(half.unit, { kind: 'mk-setimm' }, [ALICE])), 5, 'set immediate after a partial rewrap loses the rest');
});
