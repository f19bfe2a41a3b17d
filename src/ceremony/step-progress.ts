/**
 * Where a ceremony stands: each step's status, the commands typed in it, its read-backs, and where a
 * typed command belongs in the script (this step, a later one, an allowed view, or nowhere). Pure.
 */
import type { CeremonyScript, Step } from './script-model.ts';

export type StepStatus = 'pending' | 'current' | 'done' | 'skipped';

export interface CommandNote {
  readonly line: string;
  readonly at: Date;
  /** Who was at the keyboard when it was typed. */
  readonly by: string;
  /** "OK", or the first line of what failed. */
  readonly result: string;
  readonly ok: boolean;
  /** The administrators whose signatures the command carried. */
  readonly signedBy: readonly string[];
  readonly placement: Placement['kind'];
}

export interface ReadBackNote {
  readonly label: string;
  readonly vp: string;
  readonly words: readonly string[];
  readonly confirmed: boolean;
  /** The witness who confirmed (or did not). */
  readonly by: string;
  readonly at: Date;
}

export interface StepProgress {
  status: StepStatus;
  started: Date | null;
  ended: Date | null;
  /** The next expected command (index into the step's commands). */
  cursor: number;
  /** A "state differs" exception was already raised for this attempt at the step. */
  stateReported: boolean;
  readonly commands: CommandNote[];
  readonly readBacks: ReadBackNote[];
}

export const newProgress = (): StepProgress => ({ status: 'pending', started: null, ended: null, cursor: 0, stateReported: false, commands: [], readBacks: [] });

/** Where a typed command belongs: the current step, a later step (the steps between are skipped), an allowed view, or nowhere. */
export type Placement =
  | { readonly kind: 'step' }
  | { readonly kind: 'skip'; readonly to: number }
  | { readonly kind: 'allowed' }
  | { readonly kind: 'unscripted' };

export function placeCommand(script: CeremonyScript, current: number, command: string): Placement {
  const step = script.steps[current];
  if (step?.commands.some((c) => c.command === command)) return { kind: 'step' };
  const later = script.steps.findIndex((s, i) => i > current && s.commands.some((c) => c.command === command));
  if (later > current && !script.allowed.includes(command)) return { kind: 'skip', to: later };
  return script.allowed.includes(command) ? { kind: 'allowed' } : { kind: 'unscripted' };
}

/** The cursor after `command` ran successfully in `step`: past the first expected command of that name at or after it. */
export function advanceCursor(step: Step, cursor: number, command: string): number {
  const at = step.commands.findIndex((c, i) => i >= cursor && c.command === command);
  return at < 0 ? cursor : at + 1;
}

/** Every expected command of the step has run. */
export const commandsDone = (step: Step, progress: StepProgress): boolean => progress.cursor >= step.commands.length;

/** What the script expects next in a step, for the panel and `hint`. */
export function expectedNext(step: Step, progress: StepProgress): string {
  const next = step.commands[progress.cursor];
  if (!next) return step.commands.map((c) => c.line).join(', ');
  return `${next.line}${next.answers.length ? `  (answers: ${next.answers.join(' · ')})` : ''}`;
}
