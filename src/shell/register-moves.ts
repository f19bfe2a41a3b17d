/**
 * Which arrow of the register diagram a unit took between two worlds: load, commit, set immediate,
 * rotate, a clear, zeroize, a transfer from a recovery unit. Told from the states alone (a change
 * made in another terminal has no command line), so it is the same for every front-end. Pure.
 */
import type { CryptoUnit } from '../core/types.ts';
import { unitFacts } from './unit-facts.ts';

export type RegisterMove =
  /** Key parts combined into the new register: Empty -> Full Uncommitted (cryptounit-mk-load). */
  | 'load'
  /** Full Uncommitted -> Full Committed (cryptounit-mk-commit). */
  | 'commit'
  /** New -> current without touching key storage (cryptounit-mk-setimm). */
  | 'setimm'
  /** Key storage re-enciphered, then new -> current (cryptounit-mk-rotate, auto-mk-rotate). */
  | 'rotate'
  /** Key storage re-enciphered while the registers stayed: an interrupted rotation. */
  | 'reencipher'
  /** New register -> Empty (cryptounit-mk-clrnew). */
  | 'clrnew'
  /** Current register -> Empty (cryptounit-mk-clrcur). */
  | 'clrcur'
  /** Both registers cleared and the unit back in imprint mode (cryptounit-zeroize). */
  | 'zeroize'
  /** The current register got a value from a recovery unit (auto-init, auto-mk-recover). */
  | 'transfer';

/** In the order the figure reads, left to right and top to bottom. */
export const REGISTER_MOVES: readonly RegisterMove[] = ['clrnew', 'load', 'commit', 'setimm', 'rotate', 'reencipher', 'clrcur', 'transfer', 'zeroize'];

/**
 * The stored keys were sealed again while their number stayed: re-enciphered. A public view (a
 * replay) carries counts only: keys still readable after the current value changed were re-enciphered.
 */
export function keyStorageReenciphered(before: CryptoUnit, after: CryptoUnit): boolean {
  const total = after.keyStorage.total;
  if (total === 0 || before.keyStorage.total !== total) return false;
  if (before.keyStorage.sealed !== '' && after.keyStorage.sealed !== '') return before.keyStorage.sealed !== after.keyStorage.sealed;
  const b = unitFacts(before);
  const a = unitFacts(after);
  return a.currentVp !== b.currentVp && a.decryptable > 0 && a.decryptable >= b.decryptable;
}

/**
 * The moves one unit made between two of its states, in figure order (none when its registers
 * stayed). The states may be several commands apart (a played solution, a batch of changes from
 * another terminal): a current value that did not come from the new register came from a recovery
 * unit when the instance has one (`recovery`), else through the new register (load, commit, setimm).
 */
export function registerMoves(before: CryptoUnit, after: CryptoUnit, recovery = false): RegisterMove[] {
  const b = unitFacts(before);
  const a = unitFacts(after);
  if (b.mode === 'secured' && a.mode === 'imprint' && a.admins.length === 0) return ['zeroize'];
  const newChanged = b.newState !== a.newState || b.newVp !== a.newVp;
  const currentChanged = b.currentState !== a.currentState || b.currentVp !== a.currentVp;
  const reenciphered = keyStorageReenciphered(before, after);
  const moves = new Set<RegisterMove>();
  // Set immediate may promote the value the current register already holds (an interrupted rotation).
  const promoted = b.newState === 'Full Committed' && a.newState === 'Empty' && a.currentState === 'Valid' && a.currentVp === b.newVp;
  const promote: RegisterMove = reenciphered ? 'rotate' : 'setimm';
  // A new current value that did not come straight from a committed new register.
  const arrived = currentChanged && !promoted && a.currentState === 'Valid';
  const throughNew = arrived && !recovery;
  if (promoted) moves.add(promote);
  else if (newChanged) {
    if (a.newState === 'Empty' && !throughNew) moves.add('clrnew');
    if (a.newState !== 'Empty' && (b.newState === 'Empty' || b.newVp !== a.newVp)) moves.add('load');
    if (a.newState === 'Full Committed') moves.add('commit');
  }
  if (currentChanged && a.currentState === 'Empty') moves.add('clrcur');
  if (arrived && recovery) moves.add(reenciphered ? 'rotate' : 'transfer');
  if (throughNew) {
    const held = b.newState !== 'Empty' && b.newVp === a.currentVp;
    if (!held) moves.add('load');
    if (!held || b.newState === 'Full Uncommitted') moves.add('commit');
    moves.add(promote);
  }
  if (reenciphered && !newChanged && !currentChanged) moves.add('reencipher');
  return REGISTER_MOVES.filter((m) => moves.has(m));
}
