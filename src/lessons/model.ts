/**
 * The lesson model: lessons are data. A lesson starts from a seeded world built by running engine
 * commands (its setup), then asks for a sequence of steps; each step's goal is a list of checks
 * over the lesson state (the world and the workstation), so any correct route counts.
 */
import type { Check, StateFacts } from '../core/state-checks.ts';
import type { WorldShape } from '../core/types.ts';
import type { PanelView } from '../shell/panel-view.ts';

export type { Check, WorkstationFacts } from '../core/state-checks.ts';

/** The world and the workstation, as goals see them (the shared state vocabulary's facts). */
export type LessonState = StateFacts;

/**
 * An answer to one prompt. A password is a training value: lesson data is public, so these values
 * protect nothing and are shown in hints; they are still typed at masked prompts.
 */
export type Answer = string | { readonly training: string; readonly what: string };

/** A command line and the answers to its prompts, in order. */
export interface ScriptLine {
  readonly line: string;
  readonly answers: readonly Answer[];
  /** When this holds, the line's work is already done: hints skip to the next line. */
  readonly already?: (s: LessonState) => boolean;
}

/** A line that undoes a common mistake; the exact-answers hint offers it first when `when` holds. */
export interface Repair {
  readonly when: (s: LessonState) => boolean;
  /** What went wrong, in a sentence. */
  readonly why: string;
  readonly line: ScriptLine;
}

export interface Step {
  readonly title: string;
  /** What to do, in a sentence or two. */
  readonly what: string;
  /** Why it matters in the ceremony. */
  readonly why: string;
  /** The target state in the panel's terms; done when every check holds. */
  readonly goal: (s: LessonState) => readonly Check[];
  /** Hint tier 1: a nudge (no command name). */
  readonly nudge: string;
  /** Hint tier 2: the command(s) to use and how. */
  readonly command: string;
  /** The reference solution of this step; hint tier 3 shows it as exact answers. */
  readonly solution: readonly ScriptLine[];
  /** Ways back from common mistakes, offered by hint tier 3 before the solution. */
  readonly repairs?: readonly Repair[];
}

/** A wrong route: lines that look plausible but must not complete the lesson. */
export interface WrongRoute {
  readonly why: string;
  readonly lines: readonly ScriptLine[];
}

export interface Lesson {
  /** Stable identifier, also the lesson's directory name under $TKESIM_HOME/lessons. */
  readonly id: string;
  readonly title: string;
  /** One paragraph: what the trainee learns. */
  readonly summary: string;
  /** The lesson's goal in one sentence. */
  readonly goal: string;
  /** The seed of the lesson's world: every lesson world is reproducible. */
  readonly seed: string;
  readonly shape: WorldShape;
  /** Commands run through the engine, after provisioning, to build the start state. */
  readonly setup: readonly ScriptLine[];
  /** What the trainee is told at the start (who holds which training password, what went wrong). */
  readonly briefing: readonly string[];
  readonly steps: readonly Step[];
  /** The lesson asks for dual control: a threshold of 1 is a hygiene breach. */
  readonly dualControl: boolean;
  readonly wrongRoutes: readonly WrongRoute[];
  /** How the panel opens: the register diagram for the lessons on the master key registers (default: the table). */
  readonly panel?: PanelView;
}

export const isTraining = (a: Answer): a is Exclude<Answer, string> => typeof a !== 'string';
export const answerText = (a: Answer): string => (typeof a === 'string' ? a : a.training);

/** The whole reference solution, step after step. */
export function solutionLines(lesson: Lesson): ScriptLine[] {
  return lesson.steps.flatMap((s) => s.solution);
}

export function stepDone(step: Step, state: LessonState): boolean {
  const checks = step.goal(state);
  return checks.length > 0 && checks.every((c) => c.ok);
}

/** Advances past every step whose goal now holds, in order (a step once done stays done). */
export function advance(lesson: Lesson, completed: number, state: LessonState): number {
  for (let n = completed; ; n++) {
    const step = lesson.steps[n];
    if (!step || !stepDone(step, state)) return n;
  }
}
