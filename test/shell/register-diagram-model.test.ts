import test from 'ava';
import { registerVp } from '../../src/core/unit.ts';
import { buildDiagramModel, type DiagramInstance, type DiagramUnit } from '../../src/shell/register-diagram-model.ts';
import { editUnit, masterKey, testWorld, unitAt, withNew } from './fixtures.ts';
import { KEYS, NEW_MK, OLD_MK, STATES, TRANSITIONS } from './register-steps.ts';

const none = new Set<string>();
const labels = (units: readonly DiagramUnit[]) => units.map((u) => u.label);

function only(model: { readonly instances: readonly DiagramInstance[] }): DiagramInstance {
  const [instance] = model.instances;
  if (!instance || model.instances.length !== 1) throw new Error('expected one instance');
  return instance;
}

test('each unit is marked in the box of the state its new and its current register are in', (t) => {
  let world = testWorld({ units: 3 });
  world = editUnit(world, 1, withNew('Full Uncommitted', masterKey('u')));
  world = editUnit(world, 2, withNew('Full Committed', masterKey('c')));
  const d = only(buildDiagramModel(world, none, null));
  t.deepEqual(d.labels, ['1', '2', '3', '4*', '5*']);
  t.deepEqual(labels(d.newRegister.Empty), ['1', '4*', '5*']);
  t.deepEqual(labels(d.newRegister['Full Uncommitted']), ['2']);
  t.deepEqual(labels(d.newRegister['Full Committed']), ['3']);
  t.deepEqual(labels(d.currentRegister.Empty), ['1', '2', '3', '4*', '5*']);
  t.deepEqual(labels(d.currentRegister.Valid), []);
  t.true(d.hasRecovery);
});

test('after set immediate the units sit in Valid, marked as moved in both registers, and the arrow is set immediate', (t) => {
  const { before, after } = TRANSITIONS.setimm;
  const selected = new Set([unitAt(after, 0).id]);
  const d = only(buildDiagramModel(after, selected, before));
  t.deepEqual(d.moves, ['setimm']);
  t.deepEqual(d.currentRegister.Valid, [{ label: '1', selected: true, moved: true }, { label: '2', selected: false, moved: true }]);
  t.deepEqual(d.newRegister.Empty.map((u) => u.moved), [true, true]);
  t.false(d.hasRecovery);
});

test('without a previous world nothing moved and no arrow is taken', (t) => {
  const d = only(buildDiagramModel(TRANSITIONS.commit.after, none, null));
  t.deepEqual(d.moves, []);
  t.true(d.newRegister['Full Committed'].every((u) => !u.moved));
});

test('the VPs under the registers: one group when the units agree, one per value when they differ, none when empty', (t) => {
  const vp = (key: string) => registerVp(key).slice(0, 8);
  const d = only(buildDiagramModel(STATES.rotationCommitted, none, null));
  t.deepEqual(d.newVps, [{ vp: vp(NEW_MK), units: ['1', '2'] }]);
  t.deepEqual(d.currentVps, [{ vp: vp(OLD_MK), units: ['1', '2'] }]);
  const split = only(buildDiagramModel(editUnit(STATES.loaded, 1, withNew('Full Uncommitted', masterKey('other'))), none, null));
  t.deepEqual(split.newVps, [{ vp: vp(NEW_MK), units: ['1'] }, { vp: vp(masterKey('other')), units: ['2'] }]);
  t.deepEqual(only(buildDiagramModel(STATES.secured, none, null)).newVps, []);
});

test('the key counts under key storage: readable of total, grouped, changed when set immediate made them unreadable', (t) => {
  t.deepEqual(only(buildDiagramModel(STATES.initialized, none, null)).keys, [{ units: ['1', '2'], readable: KEYS, total: KEYS, changed: false }]);
  const lost = TRANSITIONS['setimm over stored keys'];
  t.deepEqual(only(buildDiagramModel(lost.after, none, lost.before)).keys, [{ units: ['1', '2'], readable: 0, total: KEYS, changed: true }]);
  const rotated = TRANSITIONS.rotate;
  t.deepEqual(only(buildDiagramModel(rotated.after, none, rotated.before)).keys, [{ units: ['1', '2'], readable: KEYS, total: KEYS, changed: false }]);
  const half = editUnit(lost.after, 1, () => unitAt(rotated.after, 1));
  t.deepEqual(only(buildDiagramModel(half, none, lost.before)).keys.map((k) => [k.units, k.readable]), [[['1'], 0], [['2'], KEYS]]);
});

test('one diagram per service instance, each with the arrows of its own units', (t) => {
  const before = testWorld({ instances: 2, recovery: 0 });
  const after = editUnit(before, 2, withNew('Full Uncommitted', masterKey('x')));
  const model = buildDiagramModel(after, none, before);
  t.is(model.instances.length, 2);
  t.deepEqual(model.instances.map((i) => i.labels), [['1', '2'], ['3', '4']]);
  t.deepEqual(model.instances.map((i) => i.moves), [[], ['load']]);
});
