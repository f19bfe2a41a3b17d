/** What the demo runner exposes: the view the demo screen renders, and how each step went. */
import type { Outcome } from '../engine/outcome.ts';
import type { OutputItem } from '../shell/output-log.tsx';
import type { DemoStep } from './demo-script.ts';

export type DemoPhase = 'waiting' | 'running' | 'finished';

export interface DemoView {
  readonly phase: DemoPhase;
  /** Steps done: the next step to run is `script.steps[done]`. */
  readonly done: number;
  /** The step on show (in the narration box): the one running or just run, else the one about to run. */
  readonly shown: number;
  /** The step on show has run (false: it is about to run). */
  readonly ran: boolean;
  readonly current: DemoStep | null;
  /** How the step on show ended (null: not run, or a narration-only step). */
  readonly outcome: Outcome | null;
  /** What the step on show printed (or a note: after going back, at the start). */
  readonly output: readonly OutputItem[];
  /** What the typing effect shows at the prompt so far ('' when nothing is being typed). */
  readonly typed: string;
  /** Something is being typed: the command (`command`) or an answer (`answer`). */
  readonly typing: 'command' | 'answer' | null;
  /** The text being typed answers a secret prompt: nothing of it is shown. */
  readonly masked: boolean;
  readonly message: string | null;
}

/** How a step went, for `demo --check`. */
export interface StepResult {
  /** null: a narration-only step, or a shell word (clear) with no outcome. */
  readonly outcome: Outcome | null;
  readonly output: string;
  /** Prompts the script had no answer for (the command was cancelled at the first). */
  readonly unanswered: readonly string[];
  /** Answers left over when the command ended: their line numbers. */
  readonly unused: readonly number[];
}
