/**
 * A lesson broken by a command that worked: stored keys that no longer decrypt under either
 * register (set immediate instead of rotate, a cleared current register, zeroize). No step can
 * bring them back, so hints and explanations say what happened and suggest `reset`.
 */
import { keysUnreadable } from '../commands/explain.ts';
import type { World } from '../core/types.ts';

/** What was destroyed, in one sentence, or null when nothing is lost. */
export function lessonDamage(world: World): string | null {
  const lost = keysUnreadable(world.units);
  if (lost.length === 0) return null;
  const total = lost.reduce((n, l) => n + l.lost, 0);
  const where = lost.map((l) => `${l.lost} of ${l.unit.keyStorage.total} in crypto unit ${world.units.indexOf(l.unit) + 1}`).join(', ');
  return `${total} stored key${total === 1 ? '' : 's'} can no longer be decrypted (${where}): the master key that encrypted them is no longer in either register of the unit.`;
}

export const RESET_ADVICE = 'This attempt cannot reach the goal any more, and repeating a step will not bring the keys back. Type "reset" to start this lesson again from its start state (a fresh world).';
