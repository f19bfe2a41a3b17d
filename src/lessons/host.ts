/**
 * Lessons inside the shell: the current lesson session, the engine the shell runs on for it, the
 * persisted progress, the messages the lesson adds to the log, and the panel's model. No React.
 */
import { markLesson, markLessonLeft, markLessonStep } from '../journal/markers.ts';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ShellEngine } from '../shell/controller.ts';
import { shellEngine } from '../shell/engine-adapter.ts';
import type { Tone } from '../shell/theme.ts';
import { LESSONS } from './catalogue/index.ts';
import { buildLessonPanel, BUILTIN_WORDS, type LessonPanelModel } from './panel-model.ts';
import { lessonsDir, readProgress, recordCompletion, recordSolution, recordStart, updateProgress, type Progress } from './progress.ts';
import { summaryLines } from '../journal/scoring.ts';
import { LessonSession, type LessonEvent } from './session.ts';

export function homeOf(env: NodeJS.ProcessEnv): string {
  return env.TKESIM_HOME && env.TKESIM_HOME !== '' ? env.TKESIM_HOME : join(homedir(), '.tkesim');
}

export class LessonHost {
  readonly home: string;
  #session: LessonSession | null = null;
  #progress: Progress = {};
  #model: LessonPanelModel | null = null;
  #unsubscribe: (() => void) | null = null;
  #pending: Promise<void> = Promise.resolve();
  readonly #listeners = new Set<() => void>();
  /** Where the lesson's messages go: the shell's log. */
  say: (text: string, tone: Tone) => void = () => undefined;

  constructor(readonly env: NodeJS.ProcessEnv) {
    this.home = homeOf(env);
  }

  get session(): LessonSession | null {
    return this.#session;
  }

  get progress(): Progress {
    return this.#progress;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getModel = (): LessonPanelModel | null => this.#model;

  async loadProgress(): Promise<Progress> {
    this.#progress = await readProgress(this.home);
    return this.#progress;
  }

  /** Starts lesson `number` (1-based) on a fresh world; returns the engine the shell should use. */
  async start(number: number): Promise<ShellEngine> {
    const lesson = LESSONS[number - 1];
    if (!lesson) throw new Error(`there is no lesson ${number}`);
    const session = new LessonSession(lesson, number, join(lessonsDir(this.home), lesson.id), this.env);
    await session.prepare();
    this.#unsubscribe?.();
    this.#session = session;
    this.#unsubscribe = session.onEvent((e) => this.#onEvent(session, e));
    this.#progress = await updateProgress(this.home, lesson.id, recordStart);
    this.#noteStart(session);
    this.#refresh();
    return this.#engine(session);
  }

  /** Restarts the current lesson from a fresh start state (a new attempt). */
  async reset(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    await session.prepare();
    this.#progress = await updateProgress(this.home, session.lesson.id, recordStart);
    this.#noteStart(session);
    this.#refresh();
  }

  /** A recording (if one runs) notes the new attempt: which lesson, and what its score needs. */
  #noteStart(s: LessonSession): void {
    const { id, title, dualControl } = s.lesson;
    markLesson({ event: 'start', id, number: s.number, title, solutionCommands: s.solutionCommands, dualControl }, `lesson ${s.number} started: ${title}`);
  }

  leave(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#session = null;
    markLessonLeft();
    this.#refresh();
  }

  /** Resolves once the progress of a completed lesson is saved. */
  idle(): Promise<void> {
    return this.#pending;
  }

  /** The session's counters changed outside a command (a hint): redraw the panel. */
  touch(): void {
    this.#refresh();
  }

  /** Runs a line in the current lesson (a played solution), then redraws the panel. */
  async run(line: string, io: Parameters<ShellEngine['run']>[1]): Promise<void> {
    const session = this.#session;
    if (!session) return;
    try {
      await session.run(line, io);
    } finally {
      this.#refresh();
    }
  }

  /** What the log shows when a lesson starts. */
  intro(): string {
    const s = this.#session;
    if (!s) return '';
    const first = s.lesson.steps[0];
    if (first) markLessonStep(`lesson ${s.number} step 1: ${first.title}`);
    return [
      `Lesson ${s.number}: ${s.lesson.title}`,
      s.lesson.summary,
      '',
      ...s.lesson.briefing,
      '',
      `Goal: ${s.lesson.goal}`,
      first ? `Step 1: ${first.title}. ${first.what}` : '',
      `Lesson words: ${BUILTIN_WORDS}.`,
    ].join('\n');
  }

  #engine(session: LessonSession): ShellEngine {
    const base = shellEngine(session.env);
    return {
      ...base,
      paths: session.paths,
      run: async (line, io) => {
        try {
          return await session.run(line, io);
        } finally {
          this.#refresh();
        }
      },
    };
  }

  #onEvent(session: LessonSession, e: LessonEvent): void {
    const steps = session.lesson.steps;
    switch (e.kind) {
      case 'step': {
        const next = steps[e.index + 1];
        this.say(`✔ Step ${e.index + 1} done: ${steps[e.index]?.title ?? ''}.`, 'ok');
        if (next) {
          this.say(`Step ${e.index + 2}: ${next.title}. ${next.what}`, 'normal');
          markLessonStep(`lesson ${session.number} step ${e.index + 2}: ${next.title}`);
        }
        return;
      }
      case 'breach':
        this.say(`Hygiene: ${e.text}.`, 'error');
        return;
      case 'hint':
        markLesson({ event: 'hint', step: e.step, tier: e.tier }, `hint ${e.tier}/3 for step ${e.step}`);
        return;
      case 'solution':
        markLesson({ event: 'solution' }, 'the reference solution is played: this attempt is not scored');
        return;
      case 'complete': {
        const played = session.attempt.solutionPlayed;
        const best = this.#progress[session.lesson.id]?.best ?? null;
        markLesson({ event: 'complete', points: e.score.points, solutionPlayed: played }, played ? `lesson ${session.number} complete (solution played)` : `lesson ${session.number} complete: score ${e.score.points}/100`);
        this.say(played ? `Lesson ${session.number} complete, with the reference solution: not scored.` : `Lesson ${session.number} complete!`, 'ok');
        if (!played) this.say(summaryLines(e.score, best).join('\n'), 'normal');
        this.say(session.number < LESSONS.length ? `Type "lesson ${session.number + 1}" for the next lesson, "lessons" for the list, or "reset" to try again.` : 'That was the last lesson: the course is done. Type "lessons" for your scores.', 'muted');
        this.#pending = updateProgress(this.home, session.lesson.id, (p) => (played ? recordSolution(p) : recordCompletion(p, e.score.points)))
          .then((p) => {
            this.#progress = p;
            this.#refresh();
          })
          .catch((err: unknown) => this.say(`FAILED\nThe lesson progress could not be saved: ${err instanceof Error ? err.message : String(err)}`, 'error'));
        return;
      }
    }
  }

  #refresh(): void {
    const s = this.#session;
    this.#model = s
      ? buildLessonPanel({
        lesson: s.lesson, number: s.number, completed: s.completed, attempt: s.attempt,
        solutionCommands: s.solutionCommands, score: s.score, best: this.#progress[s.lesson.id]?.best ?? null,
      })
      : null;
    for (const l of this.#listeners) l();
  }
}
