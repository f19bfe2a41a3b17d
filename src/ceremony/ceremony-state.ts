/**
 * Where a ceremony stands, apart from its world: the steps' progress, who holds the keyboard, the
 * exceptions and the ceremony administrator's decisions, and how it ended. The session runs
 * commands on top of it.
 */
import { emitMarker } from '../journal/markers.ts';
import type { CeremonyDesk } from './desk.ts';
import { describe, leads, participant, type CeremonyScript, type Participant, type Step } from './script-model.ts';
import { expectedNext, newProgress, type CommandNote, type ReadBackNote, type StepProgress } from './step-progress.ts';
import type { CeremonyException, Decision, ExceptionKind } from './witness.ts';

export type CeremonyEnd =
  | { readonly kind: 'completed'; readonly at: Date }
  | { readonly kind: 'aborted'; readonly at: Date; readonly step: number; readonly reason: string; readonly by: string };

export abstract class CeremonyState {
  abstract readonly desk: CeremonyDesk;
  readonly progress: StepProgress[];
  started: Date;
  #current = 0;
  #holder: string;
  #exceptions: CeremonyException[] = [];
  #announced = 0;
  #end: CeremonyEnd | null = null;
  /** Markers held until the ceremony is first used: a recorder attaches after the world is prepared. */
  #heldMarkers: string[] | null = [];
  readonly #listeners = new Set<() => void>();
  readonly #endListeners = new Set<(end: CeremonyEnd) => void>();

  constructor(readonly script: CeremonyScript, readonly clock: () => Date) {
    this.progress = script.steps.map(newProgress);
    this.started = clock();
    this.#holder = script.steps[0]?.actor ?? leads(script).administrator;
  }

  get currentIndex(): number { return this.#current; }
  get currentStep(): Step | undefined { return this.script.steps[this.#current]; }
  get currentProgress(): StepProgress | undefined { return this.progress[this.#current]; }
  get holder(): string { return this.#holder; }
  get exceptions(): readonly CeremonyException[] { return this.#exceptions; }
  get openExceptions(): readonly CeremonyException[] { return this.#exceptions.filter((e) => e.resolution === null); }
  get ended(): CeremonyEnd | null { return this.#end; }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onEnd(listener: (end: CeremonyEnd) => void): () => void {
    this.#endListeners.add(listener);
    return () => this.#endListeners.delete(listener);
  }

  /** A marker for the recording (the journal and the .cast). */
  protected mark(label: string): void {
    if (this.#heldMarkers) this.#heldMarkers.push(label);
    else emitMarker('note', label);
  }

  /** The ceremony is in use (a command, a word): markers held since it was prepared go out now. */
  protected live(): void {
    const held = this.#heldMarkers;
    this.#heldMarkers = null;
    for (const label of held ?? []) emitMarker('note', label);
  }

  changed(): void {
    for (const l of this.#listeners) l();
  }

  setHolder(name: string): void {
    this.#holder = name;
    this.changed();
  }

  /** The first step begins. */
  protected begin(): void {
    this.started = this.clock();
    this.#start(0);
  }

  #start(index: number): void {
    const step = this.script.steps[index];
    const p = this.progress[index];
    if (!step || !p) return;
    this.#current = index;
    p.status = 'current';
    p.started ??= this.clock();
    this.mark(`ceremony step ${step.number}: ${step.title} (${step.actor})`);
  }

  /** Records an exception (in the current step unless told), at once in the journal's markers. */
  raise(kind: ExceptionKind, text: string, step = this.currentStep?.number ?? 0, actor = this.#holder): void {
    const e: CeremonyException = { number: this.#exceptions.length + 1, step, at: this.clock(), actor, kind, text, resolution: null };
    this.#exceptions.push(e);
    this.mark(`exception ${e.number} (step ${step}, ${actor}): ${kind}: ${text}`);
    this.changed();
  }

  /** Tells the exceptions not yet shown, and what the ceremony administrator may decide. */
  announce(): void {
    const fresh = this.#exceptions.slice(this.#announced);
    this.#announced = this.#exceptions.length;
    for (const e of fresh) this.desk.say(`Exception ${e.number} (step ${e.step}, ${e.actor}, ${e.kind}): ${e.text.replace(/\.$/, '')}.`, 'error');
    if (fresh.length > 0) this.desk.say(`The witness recorded it. Ceremony administrator ${leads(this.script).administrator}: type continue, retry, or abort REASON.`, 'normal');
  }

  protected noteCommand(note: CommandNote): void {
    this.currentProgress?.commands.push(note);
  }

  noteReadBack(note: ReadBackNote, stepIndex = this.#current): void {
    this.progress[stepIndex]?.readBacks.push(note);
  }

  /** The first register verification pattern read back at step `n`, or null. */
  readBackOf(n: number): string | null {
    const note = this.progress[n - 1]?.readBacks.find((b) => /^(NEW|CURRENT) REGISTER/.test(b.label));
    return note?.vp ?? null;
  }

  /** A command of a later step was typed: the steps between are skipped (each one an exception). */
  protected skipTo(index: number, command: string): void {
    const target = this.script.steps[index];
    for (let i = this.#current; i < index; i++) {
      const step = this.script.steps[i];
      const p = this.progress[i];
      if (!step || !p) continue;
      p.status = 'skipped';
      p.ended = this.clock();
      this.raise('step skipped', `step ${step.number} (${step.title}) was skipped: ${command} belongs to step ${target?.number ?? index + 1}`, step.number);
    }
    this.#start(index);
  }

  protected markDone(): void {
    const p = this.currentProgress;
    if (!p) return;
    p.status = 'done';
    p.ended = this.clock();
  }

  /** Who should hold the keyboard now: the actor of the current (or next) step. */
  protected nextActor(): Participant | null {
    if (this.#end) return null;
    const p = this.currentProgress;
    const index = p?.status === 'done' ? this.#current + 1 : this.#current;
    const step = this.script.steps[index];
    return step ? (participant(this.script, step.actor) ?? null) : null;
  }

  /** After a completed step: the next one begins, or the ceremony ends. */
  protected advance(): void {
    if (this.currentProgress?.status !== 'done') return;
    const done = this.currentStep;
    const next = this.#current + 1;
    if (done) this.desk.say(`✔ Step ${done.number} done: ${done.title}.`, 'ok');
    if (next < this.script.steps.length) {
      this.#start(next);
      this.#tellStep();
    } else if (this.openExceptions.length === 0) {
      this.#finish({ kind: 'completed', at: this.clock() });
    }
  }

  #tellStep(): void {
    const step = this.currentStep;
    const p = this.currentProgress;
    if (!step || !p) return;
    const who = participant(this.script, step.actor);
    this.desk.say(`Step ${step.number} of ${this.script.steps.length}: ${step.title}. ${who ? describe(who) : step.actor}: ${step.instruction}\n  Expected: ${expectedNext(step, p)}`, 'normal');
  }

  /** The witness records an exception of their own. */
  witness(text: string): void {
    this.live();
    this.raise('witness', `recorded by witness ${leads(this.script).witness}: ${text}`);
    this.announce();
  }

  /** The ceremony administrator's decision on the open exceptions. */
  decide(decision: Decision, reason: string | null): void {
    this.live();
    const open = this.openExceptions;
    const by = leads(this.script).administrator;
    if (decision === 'abort') return this.abort(reason ?? 'no reason given', by);
    if (open.length === 0) return this.desk.say('No exception is open: nothing to decide. The ceremony goes on.', 'muted');
    const at = this.clock();
    this.#exceptions = this.#exceptions.map((e) => (e.resolution === null ? { ...e, resolution: { decision, by, at, reason } } : e));
    this.mark(`${by} decided to ${decision} (exception ${open.map((e) => e.number).join(', ')})`);
    this.desk.say(`${by} decided to ${decision}${reason ? `: ${reason}` : ''}. Recorded with exception ${open.map((e) => e.number).join(', ')}.`, 'ok');
    const first = open.map((e) => e.step).filter((n) => n > 0).sort((a, b) => a - b)[0];
    if (decision === 'retry' && first !== undefined) this.#retry(first - 1);
    else if (this.progress.every((p) => p.status === 'done' || p.status === 'skipped')) this.#finish({ kind: 'completed', at: this.clock() });
    else this.#tellStep();
    this.changed();
  }

  #retry(index: number): void {
    for (let i = index; i < this.progress.length; i++) {
      const p = this.progress[i];
      if (!p || (i > index && p.status === 'pending')) continue;
      p.status = 'pending';
      p.cursor = 0;
      p.stateReported = false;
    }
    this.#start(index);
    this.#tellStep();
  }

  /** Ends the ceremony where it stands; the record says where and why. */
  abort(reason: string, by = leads(this.script).administrator): void {
    if (this.#end) return;
    this.live();
    const at = this.clock();
    this.#exceptions = this.#exceptions.map((e) => (e.resolution === null ? { ...e, resolution: { decision: 'abort', by, at, reason } } : e));
    this.#finish({ kind: 'aborted', at, step: this.currentStep?.number ?? this.script.steps.length, reason, by });
  }

  #finish(end: CeremonyEnd): void {
    this.#end = end;
    this.ending(end);
    for (const l of this.#endListeners) l(end);
    this.changed();
  }

  /** Called once when the ceremony ends (the session marks the recording). */
  protected abstract ending(end: CeremonyEnd): void;
}
