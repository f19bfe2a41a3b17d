/**
 * 209/71: units an old TKE plug-in (0.0.11 or older) locked to thresholds of 1. The unit itself
 * refuses a threshold change while its attribute control bit is reset; only a zeroize lifts it.
 */
import test from 'ava';
import { lockThresholdsByOldPlugin } from '../../src/core/faults.ts';
import type { CryptoUnit, World } from '../../src/core/types.ts';
import { applyRequest } from '../../src/core/unit.ts';
import { ALICE, BOB, CAROL, addAdminCommand, must, request, world } from '../helpers/core.ts';
import { initializedWorld, secure, unitAt } from '../helpers/recovery.ts';

const locked = (w: World): World => {
  const r = lockThresholdsByOldPlugin(w, unitAt(w, 0).instanceId);
  if (!r.ok) throw new Error(r.problem);
  return r.world;
};

const thresholds = (u: CryptoUnit, sig: number, rev: number, signers = [ALICE]) =>
  applyRequest(u, request(u, { kind: 'thrhld-set', signatureThreshold: sig, revocationThreshold: rev }, signers));

test('the fault locks every secured unit of the instance at 1/1 with both control bits reset; units in imprint mode stay', (t) => {
  const base = world('lock');
  const w = { ...base, units: base.units.map((u, i) => (i < 2 ? secure(u) : u)) };
  const after = locked(w);
  for (const i of [0, 1]) {
    const u = unitAt(after, i);
    t.is(u.signatureThreshold, 1);
    t.is(u.revocationThreshold, 1);
    t.deepEqual(u.thresholdControlBits, { signature: false, revocation: false });
    t.is(u.counter, unitAt(w, i).counter + 1, 'the counter moves on like after any change');
  }
  t.is(unitAt(after, 2), unitAt(w, 2), 'a unit in imprint mode is not touched');
  t.false(lockThresholdsByOldPlugin(base, unitAt(base, 0).instanceId).ok, 'an instance with no secured unit has nothing to lock');
});

test('a locked unit refuses any threshold change with 209/71, even with enough signatures, and stays as it was', (t) => {
  const u = unitAt(locked(initializedWorld()), 0);
  for (const [sig, rev] of [[2, 2], [2, 1], [1, 2], [3, 3]] as const) {
    const r = thresholds(u, sig, rev, [ALICE, BOB, CAROL]);
    if (r.ok) return t.fail(`${sig}/${rev} was accepted`);
    t.is(r.refusal.code, 'THRESHOLD_CHANGE_NOT_ALLOWED');
    t.is(r.refusal.returnCode, 209);
    t.is(r.refusal.reasonCode, 71);
    t.is(r.refusal.message, 'Change not allowed.  You are not allowed to change a threshold value if the corresponding attribute control bit is reset.');
  }
  t.true(thresholds(u, 1, 1).ok, 'setting the values it already has changes nothing and is accepted');
});

test('each control bit guards its own threshold', (t) => {
  const u = unitAt(locked(initializedWorld()), 0);
  const sigOnly: CryptoUnit = { ...u, thresholdControlBits: { signature: false, revocation: true } };
  t.true(thresholds(sigOnly, 1, 2).ok, 'the revocation threshold may change');
  const r = thresholds(sigOnly, 2, 1);
  t.false(r.ok);
  if (!r.ok) t.is(r.refusal.reasonCode, 71);
  const revOnly: CryptoUnit = { ...u, thresholdControlBits: { signature: true, revocation: false } };
  t.true(thresholds(revOnly, 2, 1).ok, 'the signature threshold may change');
  t.false(thresholds(revOnly, 1, 2).ok);
});

test('a unit without control bits (older documents, fresh units) changes its thresholds as before', (t) => {
  const u = unitAt(initializedWorld(), 0);
  t.is(u.thresholdControlBits, undefined);
  t.true(thresholds(u, 3, 3, [ALICE, BOB]).ok);
});

test('the documented fix: zeroize (1 signature) sets the bits again; re-add the admins and set 2/2', (t) => {
  let u = unitAt(locked(initializedWorld()), 0);
  u = must(u, { kind: 'zeroize' }, [ALICE]);
  t.is(u.thresholdControlBits, undefined, 'zeroize sets both control bits');
  t.is(u.signatureThreshold, 0);
  for (const a of [ALICE, BOB, CAROL]) u = must(u, addAdminCommand(u, a));
  const r = thresholds(u, 2, 2, [ALICE, BOB]);
  if (!r.ok) return t.fail(r.refusal.code);
  t.is(r.unit.signatureThreshold, 2);
  t.is(r.unit.revocationThreshold, 2);
  t.true(thresholds(r.unit, 3, 3, [ALICE, BOB]).ok, 'and later changes are allowed too');
});
