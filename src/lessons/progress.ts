/**
 * Lesson progress in $TKESIM_HOME/lessons/progress.json: per lesson, attempts, completion, the best
 * score and whether the solution was shown. Written atomically under a lock; a damaged file reads
 * as no progress (its valid entries are kept) rather than stopping the course.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withLock } from '../store/lock.ts';
import { writeFileAtomic } from '../workstation/index.ts';

export interface LessonProgress {
  readonly attempts: number;
  readonly completed: boolean;
  /** Best score of a completed attempt (played solutions never count). */
  readonly best: number | null;
  readonly solutionSeen: boolean;
}

export type Progress = Readonly<Record<string, LessonProgress>>;

export const NO_PROGRESS: LessonProgress = { attempts: 0, completed: false, best: null, solutionSeen: false };
const FORMAT = 'tkesim-lesson-progress';
const VERSION = 1;

export const lessonsDir = (home: string): string => join(home, 'lessons');
export const progressFile = (home: string): string => join(lessonsDir(home), 'progress.json');

export const recordStart = (p: LessonProgress): LessonProgress => ({ ...p, attempts: p.attempts + 1 });
export const recordCompletion = (p: LessonProgress, points: number): LessonProgress =>
  ({ ...p, completed: true, best: p.best === null ? points : Math.max(p.best, points) });
export const recordSolution = (p: LessonProgress): LessonProgress => ({ ...p, solutionSeen: true });

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function entry(v: unknown): LessonProgress | null {
  if (!isRecord(v)) return null;
  const { attempts, completed, best, solutionSeen } = v;
  if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0) return null;
  if (typeof completed !== 'boolean' || typeof solutionSeen !== 'boolean') return null;
  if (best !== null && (typeof best !== 'number' || !Number.isInteger(best) || best < 0 || best > 100)) return null;
  return { attempts, completed, best, solutionSeen };
}

/** Parses the file's text; anything unreadable is left out. */
export function parseProgress(text: string): Progress {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  if (!isRecord(json) || json.format !== FORMAT || json.version !== VERSION || !isRecord(json.lessons)) return {};
  const out: Record<string, LessonProgress> = {};
  for (const [id, v] of Object.entries(json.lessons)) {
    const e = entry(v);
    if (e && /^[\w-]{1,64}$/.test(id)) out[id] = e;
  }
  return out;
}

export async function readProgress(home: string): Promise<Progress> {
  try {
    return parseProgress(await readFile(progressFile(home), 'utf8'));
  } catch {
    return {};
  }
}

/** Read-modify-write of one lesson's entry, under a lock so two processes never lose an update. */
export async function updateProgress(home: string, id: string, fn: (p: LessonProgress) => LessonProgress): Promise<Progress> {
  await mkdir(lessonsDir(home), { recursive: true, mode: 0o700 });
  const file = progressFile(home);
  return withLock(`${file}.lock`, async () => {
    const current = await readProgress(home);
    const next: Progress = { ...current, [id]: fn(current[id] ?? NO_PROGRESS) };
    await writeFileAtomic(file, `${JSON.stringify({ format: FORMAT, version: VERSION, lessons: next }, null, 2)}\n`);
    return next;
  });
}
