import test from 'ava';
import { publicUnit } from '../../src/core/public-view.ts';
import type { World } from '../../src/core/types.ts';
import { keyStorageReenciphered, registerMoves, type RegisterMove } from '../../src/shell/register-moves.ts';
import { editUnits, unitAt, withCurrent } from './fixtures.ts';
import { NEW_MK, STATES, TRANSITIONS, promote, rewrap, securedWorld, type TransitionName } from './register-steps.ts';

const movesOf = (before: World, after: World, recovery = false): RegisterMove[] => registerMoves(unitAt(before, 0), unitAt(after, 0), recovery);

const EXPECTED: Readonly<Record<TransitionName, readonly RegisterMove[]>> = {
  load: ['load'],
  commit: ['commit'],
  setimm: ['setimm'],
  'setimm over stored keys': ['setimm'],
  rotate: ['rotate'],
  'interrupted rotation': ['reencipher'],
  'clrnew (Full Uncommitted)': ['clrnew'],
  'clrnew (Full Committed)': ['clrnew'],
  clrcur: ['clrcur'],
  zeroize: ['zeroize'],
};

for (const [name, { before, after }] of Object.entries(TRANSITIONS)) {
  test(`${name}: the arrow is told from the two states`, (t) => {
    t.deepEqual(movesOf(before, after), EXPECTED[name as TransitionName]);
  });
}

test('no change to the registers: no arrow', (t) => {
  for (const world of Object.values(STATES)) t.deepEqual(movesOf(world, world), []);
});

test('set immediate leaves stored keys unreadable; rotate re-enciphers them first', (t) => {
  const { before, after } = TRANSITIONS.rotate;
  t.true(keyStorageReenciphered(unitAt(before, 0), unitAt(after, 0)));
  const setimm = TRANSITIONS['setimm over stored keys'];
  t.false(keyStorageReenciphered(unitAt(setimm.before, 0), unitAt(setimm.after, 0)));
});

test('public views (a replay) carry counts only: rotate is still told from set immediate', (t) => {
  const pub = (w: World) => publicUnit(unitAt(w, 0));
  const rotate = TRANSITIONS.rotate;
  t.deepEqual(registerMoves(pub(rotate.before), pub(rotate.after)), ['rotate']);
  const setimm = TRANSITIONS['setimm over stored keys'];
  t.deepEqual(registerMoves(pub(setimm.before), pub(setimm.after)), ['setimm']);
});

test('several commands apart: the value came through the new register, or from a recovery unit', (t) => {
  const secured = securedWorld();
  const active = editUnits(secured, [0, 1], withCurrent('Valid', NEW_MK));
  t.deepEqual(movesOf(secured, active), ['load', 'commit', 'setimm'], 'a played solution: load, commit, set immediate');
  t.deepEqual(movesOf(STATES.loaded, active), ['commit', 'setimm'], 'the loaded value was committed and set');
  t.deepEqual(movesOf(secured, active, true), ['transfer'], 'with recovery units: auto-init or auto-mk-recover');
  const rotated = editUnits(STATES.initialized, [0, 1], (u) => promote(rewrap({ ...u, newRegister: { state: 'Full Committed', key: NEW_MK } })));
  t.deepEqual(movesOf(STATES.initialized, rotated, true), ['rotate'], 'auto-mk-rotate: a new value from a recovery unit, keys re-enciphered');
  t.deepEqual(movesOf(STATES.initialized, rotated), ['load', 'commit', 'rotate']);
});
