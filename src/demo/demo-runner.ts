/**
 * Runs a demo script against the engine, one step per call: types the command with a visible
 * typing effect, answers its prompts from the script (training values masked), keeps the state
 * after every step so `back` is instant, and tells a recording where steps begin and rewinds go.
 * No React: the demo app renders `view` and calls `next`, `back`.
 */
import type { Paths } from '../engine/context.ts';
import type { ShellController } from '../shell/controller.ts';
import type { DemoAnswer, DemoScript, DemoStep } from './demo-script.ts';
import { emitMarker } from '../journal/markers.ts';
import { activeRecorder } from '../record/index.ts';
import { captureState, restoreState, type StateSnapshot } from '../journal/state-snapshot.ts';

export type DemoPhase = 'waiting' | 'running' | 'finished';

export interface DemoView {
  readonly phase: DemoPhase;
  /** Steps done: the next step to run is `script.steps[done]`. */
  readonly done: number;
  /** The step shown in the narration box (the next one while waiting, the one running). */
  readonly current: DemoStep | null;
  /** What the typing effect shows at the prompt so far ('' when nothing is being typed). */
  readonly typed: string;
  /** The text being typed answers a secret prompt: nothing of it is shown. */
  readonly masked: boolean;
  readonly message: string | null;
}

export interface DemoRunnerOptions {
  /** Milliseconds per typed character. */
  readonly typingMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

interface Saved {
  readonly state: StateSnapshot;
  /** Commands journaled when this state was reached (a rewind names it). */
  readonly journalSteps: number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class DemoRunner {
  #view: DemoView;
  readonly #listeners = new Set<() => void>();
  readonly #saved: Saved[] = [];
  readonly #sleep: (ms: number) => Promise<void>;
  #fast = false;

  constructor(readonly script: DemoScript, readonly controller: ShellController, readonly paths: Paths, readonly options: DemoRunnerOptions) {
    this.#sleep = options.sleep ?? realSleep;
    this.#view = { phase: 'waiting', done: 0, current: script.steps[0] ?? null, typed: '', masked: false, message: null };
  }

  get view(): DemoView {
    return this.#view;
  }

  getView = (): DemoView => this.#view;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #set(patch: Partial<DemoView>): void {
    this.#view = { ...this.#view, ...patch };
    for (const l of this.#listeners) l();
  }

  async #save(): Promise<void> {
    this.#saved[this.#view.done] = { state: await captureState(this.paths), journalSteps: activeRecorder()?.steps ?? 0 };
  }

  /** The first step `back` may return to: the one after the setup steps. */
  get firstStep(): number {
    const i = this.script.steps.findIndex((s) => !s.setup);
    return i < 0 ? this.script.steps.length : i;
  }

  /** Runs the setup steps at once (no typing, no waiting); call it before the first `next`. */
  async start(): Promise<void> {
    this.#fast = true;
    try {
      while (this.script.steps[this.#view.done]?.setup) await this.next();
    } finally {
      this.#fast = false;
    }
  }

  async #type(text: string, masked: boolean): Promise<void> {
    if (this.#fast) return;
    this.#set({ typed: '', masked });
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
      await this.#sleep(this.options.typingMs);
      this.#set({ typed: masked ? '' : chars.slice(0, i + 1).join('') });
    }
    await this.#sleep(this.options.typingMs * 4);
  }

  /** Runs the next step. */
  async next(): Promise<void> {
    const step = this.script.steps[this.#view.done];
    if (this.#view.phase !== 'waiting' || !step) return;
    if (this.#saved.length === 0) await this.#save();
    this.#set({ phase: 'running', current: step, message: null });
    emitMarker('demo-step', `${step.setup ? 'setup: ' : `${this.#view.done + 1 - this.firstStep}. `}${step.title}`);
    if (step.command !== null) await this.#run(step.command, step.answers);
    const done = this.#view.done + 1;
    this.#set({ done, typed: '', masked: false });
    await this.#save();
    const upcoming = this.script.steps[done] ?? null;
    this.#set({ phase: upcoming ? 'waiting' : 'finished', current: upcoming ?? step });
  }

  async #run(command: string, answers: readonly DemoAnswer[]): Promise<void> {
    await this.#type(command, false);
    this.#set({ typed: '' });
    const queue = [...answers];
    let answering = false;
    const onChange = () => {
      const q = this.controller.view.question;
      if (!q || answering) return;
      answering = true;
      void this.#answer(q.kind === 'secret', queue.shift()).finally(() => {
        answering = false;
        onChange();
      });
    };
    const off = this.controller.subscribe(onChange);
    try {
      await this.controller.submit(command);
    } finally {
      off();
    }
  }

  async #answer(secret: boolean, answer: DemoAnswer | undefined): Promise<void> {
    if (!answer) {
      this.#set({ message: 'The script has no answer for this prompt: the command was cancelled.' });
      this.controller.endOfInput();
      return;
    }
    if (answer.training !== undefined) activeRecorder()?.nameTraining(answer.text, answer.training);
    await this.#type(answer.text, secret);
    this.#set({ typed: '', masked: false });
    await this.controller.submit(answer.text);
  }

  /** Goes back one step: the world and workstation are as they were before it. */
  async back(): Promise<void> {
    if (this.#view.phase === 'running') return;
    const target = this.#view.done - 1;
    const saved = this.#saved[target];
    if (target < this.firstStep || !saved) {
      this.#set({ message: 'This is the first step: there is nothing to go back to.' });
      return;
    }
    restoreState(this.paths, saved.state);
    activeRecorder()?.rewind(saved.journalSteps);
    await this.controller.refresh(null);
    this.controller.log(`(back: step ${target + 1 - this.firstStep} is next again; the world is as it was before it)`, 'muted');
    this.#set({ phase: 'waiting', done: target, current: this.script.steps[target] ?? null, message: null });
  }
}
