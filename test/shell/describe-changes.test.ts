import test from 'ava';
import { registerVp } from '../../src/core/unit.ts';
import { describeChanges, summarizeChanges } from '../../src/shell/panel-model.ts';
import { editUnit, editUnits, initializedWorld, masterKey, testWorld, withAdmins, withCurrent, withKeys, withNew, withThresholds } from './fixtures.ts';

const vp8 = (key: string) => registerVp(key).slice(0, 8);

test('no change, no line', (t) => {
  const world = testWorld();
  t.deepEqual(describeChanges(world, world), []);
});

test('a new register load, commit and clear, in words with the VP', (t) => {
  const mk = masterKey('load');
  const empty = testWorld();
  const loaded = editUnit(empty, 0, withNew('Full Uncommitted', mk));
  t.deepEqual(describeChanges(empty, loaded), [`unit 1 new register Empty -> Full Uncommitted, VP ${vp8(mk)}...`]);
  const committed = editUnit(loaded, 0, withNew('Full Committed', mk));
  t.deepEqual(describeChanges(loaded, committed), [`unit 1 new register Full Uncommitted -> Full Committed, VP ${vp8(mk)}...`]);
  t.deepEqual(describeChanges(committed, empty), ['unit 1 new register Full Committed -> Empty']);
});

test('set immediate: both registers, in unit order', (t) => {
  const mk = masterKey('setimm');
  const before = editUnits(testWorld(), [0, 1], withNew('Full Committed', mk));
  const after = editUnits(before, [0, 1], (u) => withCurrent('Valid', mk)(withNew('Empty', null)(u)));
  t.deepEqual(describeChanges(before, after), [
    'unit 1 new register Full Committed -> Empty',
    `unit 1 current register Empty -> Valid, VP ${vp8(mk)}...`,
    'unit 2 new register Full Committed -> Empty',
    `unit 2 current register Empty -> Valid, VP ${vp8(mk)}...`,
  ]);
});

test('a register that keeps its state but changes value shows both VPs', (t) => {
  const [a, b] = [masterKey('a'), masterKey('b')];
  const before = editUnit(testWorld(), 0, withCurrent('Valid', a));
  const after = editUnit(before, 0, withCurrent('Valid', b));
  t.deepEqual(describeChanges(before, after), [`unit 1 current register Valid, VP ${vp8(a)}... -> ${vp8(b)}...`]);
});

test('admins added and removed, by name', (t) => {
  const one = editUnit(testWorld(), 1, withAdmins('Bob'));
  const two = editUnit(one, 1, withAdmins('Bob', 'Alice'));
  t.deepEqual(describeChanges(one, two), ['unit 2 admins 1 -> 2 (added Alice)']);
  const swapped = editUnit(two, 1, withAdmins('Alice', 'Carol'));
  t.deepEqual(describeChanges(two, swapped), ['unit 2 admins 2 -> 2 (added Carol, removed Bob)']);
});

test('thresholds, leaving and re-entering imprint mode', (t) => {
  const imprint = testWorld();
  const secured = editUnit(imprint, 0, withThresholds(2, 2));
  t.deepEqual(describeChanges(imprint, secured), ['unit 1 thresholds 0/0 -> 2/2 (left imprint mode)']);
  const raised = editUnit(secured, 0, withThresholds(3, 2));
  t.deepEqual(describeChanges(secured, raised), ['unit 1 thresholds 2/2 -> 3/2']);
  t.deepEqual(describeChanges(raised, imprint), ['unit 1 thresholds 3/2 -> 0/0 (back in imprint mode)']);
});

test('key storage: keys that decrypt over the total', (t) => {
  const before = initializedWorld();
  const after = editUnit(before, 0, withKeys(3));
  t.deepEqual(describeChanges(before, after), ['unit 1 key storage 0/0 -> 3/3']);
  const lost = editUnit(after, 0, withCurrent('Valid', masterKey('other')));
  t.deepEqual(describeChanges(after, lost)[1], 'unit 1 key storage 3/3 -> 0/3');
});

test('control points, and units added or removed', (t) => {
  const before = testWorld();
  const cpOff = editUnit(before, 0, (u) => ({ ...u, controlPoints: { ...u.controlPoints, XCP_CPB_BTC: false } }));
  t.deepEqual(describeChanges(before, cpOff), ['unit 1 control point XCP_CPB_BTC Set -> Not Set']);
  const fewer = { ...before, units: before.units.slice(0, 3) };
  t.deepEqual(describeChanges(before, fewer), ['unit 4 removed (was RECOVERY)']);
  t.deepEqual(describeChanges(fewer, before), ['unit 4 added (RECOVERY)']);
});

test('the summary merges the same change of several units', (t) => {
  t.is(
    summarizeChanges(['unit 1 thresholds 0/0 -> 2/2', 'unit 1 admins 0 -> 1 (added A)', 'unit 2 thresholds 0/0 -> 2/2', 'unit 3 admins 0 -> 1 (added A)']),
    'units 1, 2 thresholds 0/0 -> 2/2; units 1, 3 admins 0 -> 1 (added A)',
  );
  t.is(summarizeChanges(['unit 2 new register Full Committed -> Empty']), 'unit 2 new register Full Committed -> Empty');
  t.is(summarizeChanges([]), '');
});
