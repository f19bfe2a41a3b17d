/**
 * Reading a lesson's notes back from a journal: the journal is a file from anywhere, so every note
 * is checked field by field before the review trusts it.
 */
import type { LessonNote, LessonStartNote } from '../journal/markers.ts';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function lessonStartOf(raw: unknown): LessonStartNote | null {
  if (!isObj(raw) || raw.event !== 'start') return null;
  const { id, number, title, solutionCommands, dualControl } = raw;
  if (typeof id !== 'string' || !count(number) || typeof title !== 'string' || !count(solutionCommands) || typeof dualControl !== 'boolean') return null;
  return { event: 'start', id, number, title, solutionCommands, dualControl };
}

export function lessonNoteOf(raw: unknown): LessonNote | null {
  if (!isObj(raw)) return null;
  switch (raw.event) {
    case 'start':
      return lessonStartOf(raw);
    case 'hint': {
      const { step, tier } = raw;
      if (!count(step) || (tier !== 1 && tier !== 2 && tier !== 3)) return null;
      return { event: 'hint', step, tier };
    }
    case 'solution':
      return { event: 'solution' };
    case 'complete': {
      const { points, solutionPlayed } = raw;
      if (!count(points) || points > 100 || typeof solutionPlayed !== 'boolean') return null;
      return { event: 'complete', points, solutionPlayed };
    }
    default:
      return null;
  }
}
