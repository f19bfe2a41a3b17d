/** The lesson list with progress, as `tkesim learn` and the `lessons` built-in print it. */
import { renderTable } from '../render/index.ts';
import { LESSONS } from './catalogue/index.ts';
import { NO_PROGRESS, type LessonProgress, type Progress } from './progress.ts';

export function statusOf(p: LessonProgress): string {
  if (p.completed) return 'completed';
  if (p.solutionSeen) return 'solution shown';
  return p.attempts > 0 ? 'started' : 'not started';
}

/** The first lesson not completed yet (1-based), or the last one when all are. */
export function nextLessonNumber(progress: Progress): number {
  const i = LESSONS.findIndex((l) => !(progress[l.id] ?? NO_PROGRESS).completed);
  return i < 0 ? LESSONS.length : i + 1;
}

export function renderLessonList(progress: Progress, current: number | null = null): string {
  const rows = LESSONS.map((l, i) => {
    const p = progress[l.id] ?? NO_PROGRESS;
    return [`${current === i + 1 ? '>' : ' '}${i + 1}`, l.title, statusOf(p), p.best === null ? '-' : `${p.best}/100`];
  });
  const done = LESSONS.filter((l) => progress[l.id]?.completed).length;
  return [
    `tkesim lessons: ${done} of ${LESSONS.length} completed.`,
    '',
    renderTable(['#', 'LESSON', 'STATUS', 'BEST'], rows),
  ].join('\n');
}
