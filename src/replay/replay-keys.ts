/** The replay keys, shared by the journal player and the .cast player (n p and scrolling: the journal player only). */
import type { PlayerAction } from '../journal/timeline.ts';

export const REPLAY_KEYS = 'space pause · ] [ step · n p mistake · ↑ ↓ PgUp PgDn scroll · . event · + - speed · 0-9 jump · t take over · q quit';

export function keyAction(input: string): PlayerAction | null {
  if (input === ' ') return { type: 'toggle' };
  if (input === '.') return { type: 'event' };
  if (input === ']') return { type: 'next-step' };
  if (input === '[') return { type: 'previous-step' };
  if (input === '+' || input === '=') return { type: 'faster' };
  if (input === '-' || input === '_') return { type: 'slower' };
  if (/^[0-9]$/.test(input)) return { type: 'jump', tenth: Number(input) };
  return null;
}
