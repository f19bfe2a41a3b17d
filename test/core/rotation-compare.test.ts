import test from 'ava';
import { differingAspects, outliers } from '../../src/core/compare.ts';
import { rotationProblem } from '../../src/core/rotation.ts';
import type { CryptoUnit, World } from '../../src/core/types.ts';
import { replaceUnits } from '../../src/core/world.ts';
import { ALICE, BOB, CAROL, KEY_A, KEY_B, initialized, loadCommand, must, vp, world } from '../helpers/core.ts';

/** A world whose two operational units are initialized with KEY_A and hold KEY_B committed. */
function ready(): { w: World; ops: CryptoUnit[] } {
  const base = world('rot');
  const ops = base.units.filter((u) => u.type === 'OPERATIONAL').map((u) => {
    let x = initialized(KEY_A, 'rot');
    x = { ...x, id: u.id, instanceId: u.instanceId, importer: u.importer };
    x = must(x, loadCommand(x, KEY_B), [ALICE]);
    return must(x, { kind: 'mk-commit', vp: vp(KEY_B) }, [ALICE, BOB]);
  });
  return { w: replaceUnits(base, ops), ops };
}

const skis = [ALICE.ski, BOB.ski];

test('rotation pre-check passes for a ready instance', (t) => {
  const { w, ops } = ready();
  t.is(rotationProblem(w, ops, skis), null);
});

test('rotation pre-check: selection must be every operational unit of one instance', (t) => {
  const { w, ops } = ready();
  t.is(rotationProblem(w, ops.slice(0, 1), skis), 'invalid-selection');
  t.is(rotationProblem(w, [], skis), 'invalid-selection');
});

test('rotation pre-check: imprint mode, differing thresholds, too few common admins', (t) => {
  const { w, ops } = ready();
  const [a, b] = ops as [CryptoUnit, CryptoUnit];
  t.is(rotationProblem(w, [a, { ...b, signatureThreshold: 0 }], skis), 'imprint-mode');
  t.is(rotationProblem(w, [a, { ...b, signatureThreshold: 3 }], skis), 'thresholds-differ');
  t.is(rotationProblem(w, ops, [ALICE.ski]), 'no-common-admins');
  t.is(rotationProblem(w, ops, [CAROL.ski, 'f'.repeat(64)]), 'no-common-admins');
});

test('rotation pre-check: registers must be Valid / Full Committed with the same patterns', (t) => {
  const { w, ops } = ready();
  const [a, b] = ops as [CryptoUnit, CryptoUnit];
  t.is(rotationProblem(w, [a, { ...b, currentRegister: { state: 'Empty', key: null } }], skis), 'current-registers');
  t.is(rotationProblem(w, [a, { ...b, newRegister: { ...b.newRegister, state: 'Full Uncommitted' } }], skis), 'new-registers');
  t.is(rotationProblem(w, [a, { ...b, newRegister: { state: 'Full Committed', key: 'c'.repeat(64) } }], skis), 'new-registers');
});

test('compare: identical units are configured the same; a drifted one is named', (t) => {
  const { ops } = ready();
  t.deepEqual(differingAspects(ops), []);
  const [a, b] = ops as [CryptoUnit, CryptoUnit];
  const drifted = { ...b, signatureThreshold: 1 };
  t.deepEqual(differingAspects([a, drifted]), ['thresholds']);
  const third = { ...a, id: 'third' };
  t.deepEqual([...outliers([a, third, drifted])], [drifted.id]);
  t.deepEqual(differingAspects([a, { ...a, admins: a.admins.slice(1) }]), ['administrators']);
  t.deepEqual(differingAspects([a, { ...a, currentRegister: { state: 'Valid', key: 'd'.repeat(64) } }]), ['current register']);
  t.deepEqual(differingAspects([a, { ...a, controlPoints: { ...a.controlPoints, XCP_CPB_BTC: false } }]), ['control points']);
});
