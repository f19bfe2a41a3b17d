/**
 * What a review of one recording finds, as data: every command with its outcome and time, the
 * mistakes (refusals with their codes, wrong passwords, other failures), the hygiene breaches, the
 * hints a lesson gave, and a score per attempt by the lessons' rules. Reports render it; nothing in
 * it is secret (it is read from a journal, which holds none).
 */
import type { LessonStartNote } from '../journal/markers.ts';
import type { JournalOutcome } from '../journal/journal-format.ts';
import type { Attempt, HintTier, Score } from '../journal/scoring.ts';

export type StepStatus = JournalOutcome['status'];

export type Mistake =
  | {
      readonly kind: 'refusal';
      readonly step: number;
      readonly line: string;
      readonly returnCode: number | null;
      readonly reasonCode: number | null;
      /** The crypto module's message (or the pre-check's), one line. */
      readonly message: string;
      /** tkesim's sentence: why, and what to do next. */
      readonly sentence: string;
    }
  | { readonly kind: 'wrong-password'; readonly step: number; readonly line: string; readonly sentence: string }
  | { readonly kind: 'failed' | 'usage' | 'error'; readonly step: number; readonly line: string; readonly sentence: string };

export interface ReviewedStep {
  readonly step: number;
  readonly line: string;
  readonly status: StepStatus;
  /** Seconds since the start of the recording when the line was submitted. */
  readonly at: number;
  /** Seconds the command took, prompts and answers included. */
  readonly seconds: number;
  /** Why this step may not be as recorded (the journal's integrity). */
  readonly integrity: readonly string[];
  /** Which attempt (index into `attempts`) counted this step, or null (after a lesson was complete). */
  readonly attempt: number | null;
}

export interface Breach {
  /** The command after which it was seen. */
  readonly step: number;
  readonly text: string;
}

export interface HintUsed {
  /** The lesson step the hint was for (1-based). */
  readonly lessonStep: number;
  readonly tier: HintTier;
  /** Commands recorded before it was asked. */
  readonly afterStep: number;
}

export interface AttemptReview {
  /** The lesson, or null for a recording of the free shell. */
  readonly lesson: LessonStartNote | null;
  readonly attempt: Attempt;
  readonly score: Score;
  /** Commands of the reference solution (null: there is none, commands are not counted against one). */
  readonly solutionCommands: number | null;
  /** The score the lesson itself gave at the end (null: not completed while recorded). */
  readonly lessonScore: number | null;
  readonly completed: boolean;
  readonly firstStep: number | null;
  readonly lastStep: number | null;
}

export interface SessionReview {
  /** The journal file, as given. */
  readonly file: string;
  readonly title: string;
  readonly trainee: string;
  /** ISO time the recording started. */
  readonly created: string;
  readonly seed: string | null;
  readonly steps: readonly ReviewedStep[];
  readonly mistakes: readonly Mistake[];
  readonly breaches: readonly Breach[];
  readonly hints: readonly HintUsed[];
  readonly attempts: readonly AttemptReview[];
  /** Seconds from the start of the recording to the end of its last command. */
  readonly seconds: number;
  /** Integrity lines (empty when the journal is intact and ended cleanly). */
  readonly integrity: readonly string[];
  readonly tampered: boolean;
}

/** The review's sentence for a mistake's kind, as a short label. */
export const MISTAKE_LABEL: Readonly<Record<Mistake['kind'], string>> = {
  'refusal': 'refused',
  'wrong-password': 'wrong password',
  'failed': 'failed',
  'usage': 'usage error',
  'error': 'internal error',
};

/** What the class table and the summaries call the recording: its lesson(s), or its title. */
export function whatOf(r: SessionReview): string {
  const lessons = [...new Map(r.attempts.filter((a) => a.lesson).map((a) => [a.lesson?.id, a.lesson])).values()];
  if (lessons.length === 0) return r.title;
  return lessons.map((l) => `lesson ${l?.number ?? '?'}: ${l?.title ?? ''}`).join('; ');
}

/** The score to show for a recording: each scored attempt's points, in order. */
export function scoresOf(r: SessionReview): readonly number[] {
  return r.attempts.map((a) => a.score.points);
}

export function seconds(s: number): string {
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}
