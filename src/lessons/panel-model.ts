/** The lesson panel's view model: goal, steps, the current step's what and why, progress. Pure. */
import { LESSONS } from './catalogue/index.ts';
import type { Lesson } from './model.ts';
import type { Attempt, Score } from '../journal/scoring.ts';

export type StepStatus = 'done' | 'current' | 'todo';

export interface LessonPanelModel {
  readonly heading: string;
  readonly goal: string;
  readonly steps: readonly { readonly number: number; readonly title: string; readonly status: StepStatus }[];
  readonly current: { readonly number: number; readonly title: string; readonly what: string; readonly why: string } | null;
  /** "step 2 of 3", or "complete". */
  readonly progress: string;
  readonly counters: string;
  /** Set once the lesson is complete. */
  readonly result: string | null;
}

export const BUILTIN_WORDS = 'hint · goal · explain · solution · reset · lessons · exit lesson';

export interface PanelInput {
  readonly lesson: Lesson;
  readonly number: number;
  readonly completed: number;
  readonly attempt: Attempt;
  readonly solutionCommands: number;
  readonly score: Score | null;
  readonly best: number | null;
}

export function buildLessonPanel(i: PanelInput): LessonPanelModel {
  const { lesson, completed, attempt } = i;
  const total = lesson.steps.length;
  const step = lesson.steps[completed];
  const a = attempt;
  const result = i.score === null
    ? null
    : a.solutionPlayed
      ? 'Complete, with the reference solution played: not scored. Type "reset" to try it yourself.'
      : `Complete! Score ${i.score.points}/100${i.best !== null ? ` (best ${Math.max(i.best, i.score.points)})` : ''}. ${i.number < LESSONS.length ? `Type "lesson ${i.number + 1}" for the next lesson.` : 'That was the last lesson.'}`;
  return {
    heading: `Lesson ${i.number} of ${LESSONS.length}: ${lesson.title}`,
    goal: lesson.goal,
    steps: lesson.steps.map((s, k) => ({ number: k + 1, title: s.title, status: k < completed ? 'done' : k === completed ? 'current' : 'todo' })),
    current: step ? { number: completed + 1, title: step.title, what: step.what, why: step.why } : null,
    progress: step ? `step ${completed + 1} of ${total}` : 'complete',
    counters: `commands ${a.commands} of ${i.solutionCommands} · refusals ${a.refusals} · wrong passwords ${a.wrongPasswords} · hints ${a.hints.length}${a.breaches.length ? ` · hygiene breaches ${a.breaches.length}` : ''}`,
    result,
  };
}
