/**
 * Markers for recordings, for front-ends that do not know whether a recording runs: a lesson calls
 * `markLessonStep(title)` when a step begins, and the active recorder (if any) puts a marker in
 * the .cast and the journal. Without a recording these calls do nothing. No dependencies.
 *
 * A lesson also notes what its score depends on (`markLesson`): which lesson an attempt is, each
 * hint tier revealed, a played solution, the score at the end. A report reads them back.
 */

export type MarkerKind = 'lesson-step' | 'demo-step' | 'note' | 'lesson';

/** A lesson attempt began (a lesson started, or was reset): what scoring it needs. */
export interface LessonStartNote {
  readonly event: 'start';
  readonly id: string;
  readonly number: number;
  readonly title: string;
  /** Commands of the reference solution that count (views are free). */
  readonly solutionCommands: number;
  /** The lesson asks for dual control: a threshold of 1 is a hygiene breach. */
  readonly dualControl: boolean;
}

export type LessonNote =
  | LessonStartNote
  /** A new hint tier was revealed for lesson step `step` (1-based). */
  | { readonly event: 'hint'; readonly step: number; readonly tier: 1 | 2 | 3 }
  /** The reference solution was played: the attempt is not scored. */
  | { readonly event: 'solution' }
  | { readonly event: 'complete'; readonly points: number; readonly solutionPlayed: boolean };

export type MarkerListener = (kind: MarkerKind, label: string, note?: LessonNote) => void;

const listeners = new Set<MarkerListener>();
let lessonInProgress: LessonStartNote | null = null;

/** A lesson step begins (label: what the step asks, e.g. "Step 3: add the administrators"). */
export function markLessonStep(label: string): void {
  emitMarker('lesson-step', label);
}

/** A lesson notes what its score depends on; a start (or null: the lesson was left) is remembered for recordings that begin later. */
export function markLesson(note: LessonNote, label: string): void {
  if (note.event === 'start') lessonInProgress = note;
  emitMarker('lesson', label, note);
}

/** The lesson left: recordings started from now on are not of a lesson. */
export function markLessonLeft(): void {
  lessonInProgress = null;
}

/** The lesson attempt in progress in this process, if any (a recording's header names it). */
export function currentLesson(): LessonStartNote | null {
  return lessonInProgress;
}

export function emitMarker(kind: MarkerKind, label: string, note?: LessonNote): void {
  for (const l of listeners) l(kind, label, note);
}

/** Whether a recorder listens (a front-end may skip work when nobody records). */
export function isRecording(): boolean {
  return listeners.size > 0;
}

export function onMarker(listener: MarkerListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
