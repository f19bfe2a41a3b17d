/**
 * Markers for recordings, for front-ends that do not know whether a recording runs: a lesson calls
 * `markLessonStep(title)` when a step begins, and the active recorder (if any) puts a marker in
 * the .cast and the journal. Without a recording these calls do nothing. No dependencies.
 */

export type MarkerKind = 'lesson-step' | 'demo-step' | 'note';
export type MarkerListener = (kind: MarkerKind, label: string) => void;

const listeners = new Set<MarkerListener>();

/** A lesson step begins (label: what the step asks, e.g. "Step 3: add the administrators"). */
export function markLessonStep(label: string): void {
  emitMarker('lesson-step', label);
}

export function emitMarker(kind: MarkerKind, label: string): void {
  for (const l of listeners) l(kind, label);
}

/** Whether a recorder listens (a front-end may skip work when nobody records). */
export function isRecording(): boolean {
  return listeners.size > 0;
}

export function onMarker(listener: MarkerListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
