/**
 * Which frames of a recording are mistakes, for everything that plays one for review (the terminal
 * player, the exported page): a command that failed, was misused or hit an internal error, or a
 * step the journal's integrity puts in doubt. And where `n` / `p` (next / previous mistake) go. Pure.
 */
import type { RecordedFrame, RecordedReplay } from './recorded-replay.ts';

export type FrameMark = 'ok' | 'mistake' | 'integrity' | 'other';

export function frameMark(f: RecordedFrame): FrameMark {
  if (f.problems.length > 0) return 'integrity';
  if (f.kind !== 'command') return 'other';
  return f.status === 'failed' || f.status === 'usage' || f.status === 'error' ? 'mistake' : 'ok';
}

/** Frame indices of the mistakes, ascending. */
export function mistakeFrames(replay: RecordedReplay): number[] {
  return replay.frames.filter((f) => frameMark(f) === 'mistake' || frameMark(f) === 'integrity').map((f) => f.index);
}

/** The first mistake after frame `current`, or null. */
export function nextMistake(mistakes: readonly number[], current: number): number | null {
  return mistakes.find((m) => m > current) ?? null;
}

/** The last mistake before frame `current`, or null. */
export function previousMistake(mistakes: readonly number[], current: number): number | null {
  let found: number | null = null;
  for (const m of mistakes) if (m < current) found = m;
  return found;
}
