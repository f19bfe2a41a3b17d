/**
 * Runs a demo script against the engine, one step per call: types the command with a visible
 * typing effect, answers its prompts from the script (training values masked), keeps the state
 * after every step so `back` is instant, and tells a recording where steps begin and rewinds go.
 * It keeps what the step on show printed (the demo screen pages it) and how every step ended
 * (`demo --check` reads it). No React: the demo app renders `view` and calls `next`, `back`.
 */
import type { Paths } from '../engine/context.ts';
import type { Outcome } from '../engine/outcome.ts';
import { emitMarker } from '../journal/markers.ts';
import { captureState, restoreState, type StateSnapshot } from '../journal/state-snapshot.ts';
import { activeRecorder } from '../record/index.ts';
import type { ShellController } from '../shell/controller.ts';
import type { OutputItem } from '../shell/output-log.tsx';
import type { DemoAnswer, DemoScript, DemoStep } from './demo-script.ts';
import type { DemoView, StepResult } from './demo-view.ts';

export type { DemoPhase, DemoView, StepResult } from './demo-view.ts';

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
let noteId = 0;
const note = (text: string): OutputItem => ({ id: `demo-note-${noteId++}`, text, tone: 'muted' });

export class DemoRunner {
  #view: DemoView;
  readonly #listeners = new Set<() => void>();
  readonly #saved: Saved[] = [];
  readonly #results: (StepResult | undefined)[] = [];
  readonly #sleep: (ms: number) => Promise<void>;
  #fast = false;
  /** Set synchronously by `next` and `back`: a second key press in the same tick does nothing. */
  #busy = false;
  #capture: OutputItem[] | null = null;

  constructor(readonly script: DemoScript, readonly controller: ShellController, readonly paths: Paths, readonly options: DemoRunnerOptions) {
    this.#sleep = options.sleep ?? realSleep;
    this.#view = {
      phase: 'waiting', done: 0, shown: 0, ran: false, current: script.steps[0] ?? null, outcome: null, output: [],
      typed: '', typing: null, masked: false, message: null,
    };
    controller.addObserver({
      output: (item) => {
        if (!this.#capture) return;
        this.#capture.push(item);
        if (!this.#fast) this.#set({ output: [...this.#capture] });
      },
    });
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

  /** How each step went so far (indexed like `script.steps`). */
  get results(): readonly (StepResult | undefined)[] {
    return this.#results;
  }

  async #save(): Promise<void> {
    this.#saved[this.#view.done] = { state: await captureState(this.paths), journalSteps: activeRecorder()?.steps ?? 0 };
  }

  /** The first step `back` may return to: the one after the setup steps. */
  get firstStep(): number {
    const i = this.script.steps.findIndex((s) => !s.setup);
    return i < 0 ? this.script.steps.length : i;
  }

  /** Steps of the demo proper (setup steps excluded). */
  get total(): number {
    return this.script.steps.length - this.firstStep;
  }

  /**
   * Runs the setup steps at once (no typing, no waiting), then the demo's steps before `from`
   * (1-based, `demo --from N`); call it before the first `next`.
   */
  async start(from = 1): Promise<void> {
    const until = this.firstStep + Math.max(0, Math.min(from, this.total) - 1);
    this.#fast = true;
    try {
      while (this.#view.done < until || this.script.steps[this.#view.done]?.setup) await this.next();
    } finally {
      this.#fast = false;
    }
    const step = this.script.steps[this.#view.done] ?? null;
    this.#set({ phase: step ? 'waiting' : 'finished', shown: this.#view.done, ran: false, current: step, outcome: null, output: [] });
  }

  /** Shows a note in the output area (before the first step), after what it holds, or instead of it. */
  say(text: string, replace = false): void {
    this.#set({ output: [...(replace ? [] : this.#view.output), note(text)] });
  }

  async #type(text: string, masked: boolean, typing: 'command' | 'answer'): Promise<void> {
    if (this.#fast) return;
    this.#set({ typed: '', masked, typing });
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
      await this.#sleep(this.options.typingMs);
      if (!masked) this.#set({ typed: chars.slice(0, i + 1).join('') });
    }
    await this.#sleep(this.options.typingMs * 4);
  }

  /** Runs the next step (nothing while a step runs or goes back). */
  async next(): Promise<void> {
    const index = this.#view.done;
    const step = this.script.steps[index];
    if (this.#busy || this.#view.phase !== 'waiting' || !step) return;
    this.#busy = true;
    try {
      if (this.#saved.length === 0) await this.#save();
      this.#capture = [];
      this.#set({ phase: 'running', shown: index, ran: false, current: step, outcome: null, output: [], message: null });
      emitMarker('demo-step', `${step.setup ? 'setup: ' : `${index + 1 - this.firstStep}. `}${step.title}`);
      const result = step.command === null ? null : await this.#run(step);
      this.#results[index] = result ?? { outcome: null, output: '', unanswered: [], unused: [] };
      const done = index + 1;
      this.#set({ done, typed: '', typing: null, masked: false });
      await this.#save();
      const more = this.script.steps[done] !== undefined;
      this.#set({ phase: more ? 'waiting' : 'finished', ran: true, outcome: result?.outcome ?? null, output: this.#capture });
    } finally {
      this.#capture = null;
      this.#busy = false;
    }
  }

  async #run(step: DemoStep): Promise<StepResult> {
    const command = step.command ?? '';
    await this.#type(command, false, 'command');
    this.#set({ typed: '', typing: null });
    const queue = step.answers.map((answer, i) => ({ answer, line: step.lines.answers[i] ?? 0 }));
    const unanswered: string[] = [];
    let answering = false;
    const onChange = () => {
      const q = this.controller.view.question;
      if (!q || answering) return;
      answering = true;
      const next = queue.shift();
      if (!next) unanswered.push(q.prompt);
      void this.#answer(q.kind === 'secret', next?.answer, step).finally(() => {
        answering = false;
        onChange();
      });
    };
    const off = this.controller.subscribe(onChange);
    let outcome: Outcome | null;
    try {
      outcome = await this.controller.submit(command);
    } finally {
      off();
    }
    return { outcome, output: (this.#capture ?? []).map((i) => i.text).join('\n'), unanswered, unused: queue.map((q) => q.line) };
  }

  async #answer(secret: boolean, answer: DemoAnswer | undefined, step: DemoStep): Promise<void> {
    if (!answer) {
      const after = step.lines.answers[step.lines.answers.length - 1] ?? step.lines.command;
      this.#set({ message: `The script has no answer for this prompt (add a "> " line after line ${after}): the command was cancelled.` });
      this.controller.endOfInput();
      return;
    }
    if (answer.training !== undefined) activeRecorder()?.nameTraining(answer.text, answer.training);
    await this.#type(answer.text, secret, 'answer');
    this.#set({ typed: '', typing: null, masked: false });
    await this.controller.submit(answer.text);
  }

  /** Goes back one step: the world and workstation are as they were before it. */
  async back(): Promise<void> {
    if (this.#busy || this.#view.phase === 'running') return;
    const target = this.#view.done - 1;
    const saved = this.#saved[target];
    if (target < this.firstStep || !saved) {
      this.#set({ message: 'This is the first step: there is nothing to go back to.' });
      return;
    }
    this.#busy = true;
    try {
      restoreState(this.paths, saved.state);
      activeRecorder()?.rewind(saved.journalSteps);
      await this.controller.refresh(null);
      const text = `(back: step ${target + 1 - this.firstStep} is next again; the world is as it was before it)`;
      this.controller.log(text, 'muted');
      this.#set({ phase: 'waiting', done: target, shown: target, ran: false, current: this.script.steps[target] ?? null, outcome: null, output: [note(text)], message: null });
    } finally {
      this.#busy = false;
    }
  }

  /** The state after the steps done so far (a take-over continues from a copy of it). */
  savedState(): StateSnapshot | null {
    return this.#saved[this.#view.done]?.state ?? null;
  }
}
