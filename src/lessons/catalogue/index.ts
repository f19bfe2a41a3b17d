/** The lessons, in order: lesson N is LESSONS[N - 1]. */
import type { Lesson } from '../model.ts';
import { lesson as cryptoUnits } from './01-crypto-units.ts';
import { lesson as administrators } from './02-administrators.ts';
import { lesson as thresholds } from './03-thresholds.ts';
import { lesson as keyParts } from './04-key-parts.ts';
import { lesson as loadCommitActivate } from './05-load-commit-activate.ts';
import { lesson as verify } from './06-verify.ts';
import { lesson as rotate } from './07-rotate.ts';
import { lesson as recovery } from './08-recovery.ts';

export const LESSONS: readonly Lesson[] = [cryptoUnits, administrators, thresholds, keyParts, loadCommitActivate, verify, rotate, recovery];

/** A lesson by its number (1-based) or its id; undefined when there is none. */
export function findLesson(key: string): { lesson: Lesson; number: number } | undefined {
  const trimmed = key.trim();
  const index = /^\d{1,3}$/.test(trimmed) ? Number(trimmed) - 1 : LESSONS.findIndex((l) => l.id === trimmed);
  const lesson = LESSONS[index];
  return lesson ? { lesson, number: index + 1 } : undefined;
}
