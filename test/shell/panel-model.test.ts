import test from 'ava';
import { registerVp } from '../../src/core/unit.ts';
import { buildPanelModel, NO_CHANGE, PANEL_FIELDS, type PanelRow } from '../../src/shell/panel-model.ts';
import {
  editUnit, editUnits, initializedWorld, masterKey, testWorld, unitAt, withAdmins, withCurrent, withKeys, withNew, withThresholds,
} from './fixtures.ts';

const none = new Set<string>();
const row = (rows: readonly PanelRow[], i: number): PanelRow => {
  const r = rows[i];
  if (!r) throw new Error(`no row ${i}`);
  return r;
};

test('one row per crypto unit, numbered in world order, recovery units marked *', (t) => {
  const world = testWorld();
  const model = buildPanelModel(world, none, null);
  t.deepEqual(model.rows.map((r) => r.number), [1, 2, 3, 4]);
  t.deepEqual(model.rows.map((r) => r.label), ['1', '2', '3*', '4*']);
  t.deepEqual(model.rows.map((r) => r.type), ['OPERATIONAL', 'OPERATIONAL', 'RECOVERY', 'RECOVERY']);
  t.deepEqual(model.rows.map((r) => r.unitId), world.units.map((u) => u.id));
});

test('selected follows the given unit ids', (t) => {
  const world = testWorld();
  const model = buildPanelModel(world, new Set([unitAt(world, 1).id]), null);
  t.deepEqual(model.rows.map((r) => r.selected), [false, true, false, false]);
});

test('a unit with signature threshold 0 is in IMPRINT mode, otherwise secured', (t) => {
  const world = editUnit(testWorld(), 0, (u) => withThresholds(1, 1)(withAdmins('Alice')(u)));
  const model = buildPanelModel(world, none, null);
  t.is(row(model.rows, 0).mode, 'secured');
  t.is(row(model.rows, 1).mode, 'imprint');
  // The rule is the signature threshold alone.
  const odd = buildPanelModel(editUnit(testWorld(), 0, withThresholds(0, 1)), none, null);
  t.is(row(odd.rows, 0).mode, 'imprint');
});

test('admins: count out of 8, names in install order, and both thresholds', (t) => {
  const world = editUnit(testWorld(), 0, (u) => withThresholds(2, 1)(withAdmins('Alice', 'Bob')(u)));
  const r = row(buildPanelModel(world, none, null).rows, 0);
  t.is(r.adminCount, 2);
  t.is(r.maxAdmins, 8);
  t.deepEqual(r.adminNames, ['Alice', 'Bob']);
  t.is(r.signatureThreshold, 2);
  t.is(r.revocationThreshold, 1);
});

test('every register state, with the first 8 hex digits of its VP', (t) => {
  const [a, b, c] = [masterKey('a'), masterKey('b'), masterKey('c')];
  let world = testWorld();
  world = editUnit(world, 1, withNew('Full Uncommitted', a));
  world = editUnit(world, 2, withNew('Full Committed', b));
  world = editUnit(world, 3, withCurrent('Valid', c));
  const rows = buildPanelModel(world, none, null).rows;
  t.deepEqual(row(rows, 0).newRegister, { state: 'Empty', vp: '00000000' });
  t.deepEqual(row(rows, 0).currentRegister, { state: 'Empty', vp: '00000000' });
  t.deepEqual(row(rows, 1).newRegister, { state: 'Full Uncommitted', vp: registerVp(a).slice(0, 8) });
  t.deepEqual(row(rows, 2).newRegister, { state: 'Full Committed', vp: registerVp(b).slice(0, 8) });
  t.deepEqual(row(rows, 3).currentRegister, { state: 'Valid', vp: registerVp(c).slice(0, 8) });
  t.regex(row(rows, 1).newRegister.vp, /^[0-9a-f]{8}$/);
  t.not(row(rows, 1).newRegister.vp, '00000000');
});

test('key storage counts the keys that decrypt under the current master key', (t) => {
  let world = editUnit(initializedWorld(), 0, withKeys(5));
  t.deepEqual(row(buildPanelModel(world, none, null).rows, 0).keyStorage, { decryptable: 5, total: 5 });
  world = editUnit(world, 0, withCurrent('Valid', masterKey('other')));
  t.deepEqual(row(buildPanelModel(world, none, null).rows, 0).keyStorage, { decryptable: 0, total: 5 });
});

test('differs flags the units configured differently from the rest of their instance', (t) => {
  const fresh = buildPanelModel(testWorld({ units: 3 }), none, null);
  t.deepEqual(fresh.rows.map((r) => r.differs), [false, false, false, false, false]);
  t.deepEqual(fresh.instances.map((i) => i.differingAspects), [[]]);
  const world = editUnit(testWorld({ units: 3 }), 1, withNew('Full Uncommitted', masterKey('x')));
  const model = buildPanelModel(world, none, null);
  t.deepEqual(model.rows.map((r) => r.differs), [false, true, false, false, false]);
  t.deepEqual(model.instances[0]?.differingAspects, ['new register']);
});

test('with no majority, every unit of the split is flagged', (t) => {
  const world = editUnit(testWorld(), 0, withThresholds(1, 1));
  t.deepEqual(buildPanelModel(world, none, null).rows.map((r) => r.differs), [true, true, false, false]);
});

test('recovery units still in imprint mode are left out of the comparison, set-up ones count', (t) => {
  const initialized = initializedWorld();
  const model = buildPanelModel(initialized, none, null);
  t.deepEqual(model.rows.map((r) => r.differs), [false, false, false, false]);
  t.deepEqual(model.instances[0]?.differingAspects, []);
  const recoverySetUp = editUnit(initialized, 2, (u) => withThresholds(2, 2)(withAdmins('Alice', 'Bob', 'Carol')(u)));
  const after = buildPanelModel(recoverySetUp, none, null);
  t.deepEqual(after.rows.map((r) => r.differs), [false, false, true, false]);
  t.deepEqual(after.instances[0]?.differingAspects, ['current register']);
});

test('differs is judged per service instance', (t) => {
  // Two instances of 2 units: instance 2 secured throughout, instance 1 untouched: nobody differs.
  const base = testWorld({ instances: 2, recovery: 0 });
  const world = editUnits(base, [2, 3], (u) => withThresholds(1, 1)(withAdmins('Alice')(u)));
  t.deepEqual(buildPanelModel(world, none, null).rows.map((r) => r.differs), [false, false, false, false]);
  const split = editUnit(world, 3, withAdmins('Alice', 'Bob'));
  t.deepEqual(buildPanelModel(split, none, null).rows.map((r) => r.differs), [false, false, true, true]);
});

test('without a previous world nothing is marked changed and there is no summary', (t) => {
  const model = buildPanelModel(initializedWorld(), none, null);
  for (const r of model.rows) for (const f of PANEL_FIELDS) t.false(r.changed[f]);
  t.is(model.summary, '');
  t.deepEqual(model.changes, []);
});

test('changed flags mark exactly the fields that changed, unit by unit', (t) => {
  const before = testWorld();
  const after = editUnit(editUnit(before, 0, withNew('Full Uncommitted', masterKey('n'))), 1, withAdmins('Alice'));
  const model = buildPanelModel(after, none, before);
  const changed = (i: number) => PANEL_FIELDS.filter((f) => row(model.rows, i).changed[f]);
  t.deepEqual(changed(0), ['newRegister']);
  t.deepEqual(changed(1), ['admins']);
  t.deepEqual(changed(2), []);
  const secured = editUnit(after, 0, (u) => withThresholds(1, 1)(withAdmins('Alice')(u)));
  const next = buildPanelModel(secured, none, after);
  t.deepEqual(PANEL_FIELDS.filter((f) => row(next.rows, 0).changed[f]), ['mode', 'admins', 'thresholds']);
});

test('the summary says what changed, or that nothing did', (t) => {
  const before = testWorld();
  const after = editUnits(before, [0, 1], withThresholds(2, 2));
  t.is(buildPanelModel(after, none, before).summary, 'units 1, 2 thresholds 0/0 -> 2/2 (left imprint mode)');
  // A command that changed nothing re-reads an equal world: "no change"; the very same world (a
  // command has just started) says nothing yet.
  t.is(buildPanelModel(structuredClone(before), none, before).summary, NO_CHANGE);
  t.is(buildPanelModel(before, none, before).summary, '');
});
