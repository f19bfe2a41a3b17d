/**
 * One ceremony: its world, who holds the keyboard, where the script stands, and the witness's
 * exceptions. Every line runs through the engine; the state is checked after every command and a
 * step completes when its expected state holds. Nothing here draws: a desk shows and asks.
 */
import { CATALOGUE } from '../commands/help.ts';
import type { StateFacts } from '../core/state-checks.ts';
import { createContext } from '../engine/context.ts';
import type { Io } from '../engine/io.ts';
import { usage, type Outcome } from '../engine/outcome.ts';
import { runLine } from '../engine/run.ts';
import { rememberSecret } from '../engine/secrets.ts';
import { readWorkstationFacts } from '../workstation/index.ts';
import { parseCommandLine } from './command-line.ts';
import type { CeremonyDesk } from './desk.ts';
import { keyboardIo } from './keyboard-io.ts';
import { describe, leads, participant, type CeremonyScript, type Participant } from './script-model.ts';
import { DialogTracker } from './secret-owner.ts';
import { CeremonyState, type CeremonyEnd } from './ceremony-state.ts';
import { stepChecks } from './state-words.ts';
import { advanceCursor, commandsDone, placeCommand, type Placement } from './step-progress.ts';
import { outcomeException, roleBreaches, SecretLedger, singleControl } from './witness.ts';
import { prepareWorld, type CeremonyWorld } from './world-prep.ts';
import { readBackStep } from './read-back.ts';

/** Commands that would replace a fresh ceremony world. */
const BLOCKED = new Set(['sim init', 'sim reset', 'sim resend']);

export class CeremonySession extends CeremonyState {
  #world: CeremonyWorld | null = null;
  #facts: StateFacts | null = null;
  readonly #ledger = new SecretLedger();

  constructor(script: CeremonyScript, readonly dir: string, readonly baseEnv: NodeJS.ProcessEnv, readonly desk: CeremonyDesk, clock: () => Date = () => new Date()) {
    super(script, clock);
    // The script's training values are secrets of this session: masked wherever they might appear.
    for (const p of script.participants) {
      if (p.trainingPassword) rememberSecret(p.trainingPassword, 'password');
      if (p.trainingValue) rememberSecret(p.trainingValue, 'key part value');
    }
  }

  get world(): CeremonyWorld {
    if (!this.#world) throw new Error('the ceremony world is not prepared yet');
    return this.#world;
  }

  get facts(): StateFacts | null {
    return this.#facts;
  }

  async prepare(): Promise<void> {
    this.#world = await prepareWorld(this.script, this.baseEnv, this.dir);
    this.#facts = await this.#read();
    this.begin();
    for (const breach of roleBreaches(this.script)) this.raise('separation of duties', breach, 0, this.script.participants[0]?.name ?? '');
    this.changed();
  }

  async #read(): Promise<StateFacts> {
    const { env, paths } = this.world;
    const world = await createContext({ print: () => undefined, ask: async () => null }, env, paths).world();
    return { world, workstation: await readWorkstationFacts(paths.tkeFiles) };
  }

  #refuse(io: Io, message: string): Outcome {
    io.print(`FAILED\n${message}`);
    return usage(message);
  }

  /** A line typed in the ceremony (or played by a dry run). */
  async run(line: string, io: Io): Promise<Outcome> {
    this.live();
    if (this.ended) return this.#refuse(io, `The ceremony is over (${this.ended.kind}). Its record is written; type "exit" to leave.`);
    const open = this.openExceptions;
    if (open.length > 0) {
      return this.#refuse(io, `Exception ${open.map((e) => e.number).join(', ')} is open: ceremony administrator ${leads(this.script).administrator} decides first: continue, retry or abort REASON.`);
    }
    const parsed = parseCommandLine(line);
    if (parsed.ok && BLOCKED.has(parsed.command) && this.script.world.kind === 'fresh') {
      return this.#refuse(io, `${parsed.command} would replace the ceremony's world. To start again, abort the ceremony (abort REASON) and run it again.`);
    }
    const at = this.clock();
    const by = this.holder;
    let placement: Placement = parsed.ok ? placeCommand(this.script, this.currentIndex, parsed.command) : { kind: 'allowed' };
    if (placement.kind === 'skip') {
      this.skipTo(placement.to, parsed.ok ? parsed.command : line);
      placement = { kind: 'step' };
    }
    const step = this.currentStep;
    if (placement.kind === 'unscripted' && step) {
      this.raise('unscripted command', `"${line}" is not in the script at step ${step.number} (expected: ${step.commands.map((c) => c.line).join(', ')})`);
    }
    const before = this.#facts ?? (await this.#read());
    const actor = step ? (participant(this.script, step.actor) ?? null) : null;
    const tracker = new DialogTracker(this.script, before.workstation, parsed.ok ? parsed.command : '', parsed.ok ? parsed.positionals : [], actor);
    const keyboard = keyboardIo(io, this.desk, tracker, this.#ledger, {
      holder: () => this.holder,
      setHolder: (name) => this.setHolder(name),
      skipped: (to: Participant, holder: string) => this.raise('hand-over skipped', `the keyboard was not passed to ${describe(to)}: ${holder} answered in ${to.name}'s place`, undefined, holder),
    });
    const outcome = await runLine(createContext(keyboard.io, this.world.env, this.world.paths), line, CATALOGUE);
    const after = await this.#read();
    this.#facts = after;
    const notes = keyboard.notes();
    const problem = outcomeException(outcome, line);
    this.noteCommand({ line, at, by, ok: outcome.status === 'ok', result: problem ? problem.text : 'OK', signedBy: notes.signedBy, placement: placement.kind });
    if (problem) this.raise(problem.kind, problem.text);
    if (outcome.status === 'ok') {
      for (const s of notes.secrets) {
        const breach = this.#ledger.note(s.fingerprint, s.person, s.what);
        if (breach) this.raise('separation of duties', breach);
      }
    }
    const single = singleControl(before.world, after.world);
    if (single.length > 0) this.raise('separation of duties', `a threshold of 1 on crypto unit ${single.join(', ')}: one administrator alone can now sign`);
    const completed = step && placement.kind === 'step' ? this.#evaluate(outcome.status === 'ok', parsed.ok ? parsed.command : '') : false;
    this.changed();
    await this.#returnKeyboard(by, line, problem === null);
    if (completed && step) await readBackStep(this, step);
    this.announce();
    if (completed) this.advance();
    this.changed();
    return outcome;
  }

  /** After a command of the current step: whether the step is now complete. */
  #evaluate(ok: boolean, command: string): boolean {
    const step = this.currentStep;
    const progress = this.currentProgress;
    if (!step || !progress || !this.#facts) return false;
    if (ok) progress.cursor = advanceCursor(step, progress.cursor, command);
    const checks = stepChecks(step.expect, this.#facts, (n) => this.readBackOf(n));
    const holds = step.expect.length > 0 ? checks.every((c) => c.ok) : commandsDone(step, progress);
    if (holds) {
      this.markDone();
      return true;
    }
    if (commandsDone(step, progress) && !progress.stateReported) {
      progress.stateReported = true;
      this.raise('state differs', `after step ${step.number}'s commands the state is not as the script expects: ${checks.filter((c) => !c.ok).map((c) => c.label).join('; ')}`);
    }
    return false;
  }

  /** The keyboard goes back to the actor of the step (the screen is cleared between people). */
  async #returnKeyboard(typedBy: string, line: string, ok: boolean): Promise<void> {
    const target = this.nextActor();
    if (!target || target.name === this.holder) return;
    await this.desk.handOver(target, `${describe(target)}, to continue the ceremony`, 'turn');
    this.setHolder(target.name);
    this.desk.say(`Last command (typed by ${typedBy}): ${line} -> ${ok ? 'OK' : 'FAILED (see the exceptions)'}`, 'muted');
  }

  /** Checks of the current step as they stand, for `hint` and the panel. */
  currentChecks(): ReturnType<typeof stepChecks> {
    const step = this.currentStep;
    return step && this.#facts ? stepChecks(step.expect, this.#facts, (n) => this.readBackOf(n)) : [];
  }

  protected override ending(end: CeremonyEnd): void {
    this.mark(end.kind === 'completed' ? 'ceremony completed' : `ceremony aborted at step ${end.step}: ${end.reason}`);
  }
}
