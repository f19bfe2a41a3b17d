/**
 * The shell's session: it runs lines through the engine, answers the engine's questions from the
 * prompt, and keeps what the screen shows (log, worlds, selection, dialog, progress). No React here,
 * so the line handler is tested without rendering. Secret answers are never logged or kept.
 */
import type { World } from '../core/types.ts';
import type { Io } from '../engine/io.ts';
import type { Outcome } from '../engine/outcome.ts';
import { findSecret, secretLineNotice } from '../engine/secrets.ts';
import { EngineStack } from './engine-stack.ts';
import type { Tone } from './output-log.tsx';
import { otherView, panelWord, panelWordRest, type PanelView } from './panel-view.ts';
import { toneOf, type Builtin, type EngineWrapper, type ShellEngine, type ShellObserver, type ShellView } from './shell-session.ts';
import { ShellWords } from './shell-words.ts';

export { toneOf } from './shell-session.ts';
export type { Builtin, EngineWrapper, ShellEngine, ShellObserver, ShellView } from './shell-session.ts';

const LOG_LIMIT = 5000;

/** What the panel shows of a state, to tell whether an outside change changed anything (key storage as a count). */
function fingerprint(world: World | null, units: readonly string[], keys: readonly number[], parts: readonly number[]): string {
  return JSON.stringify([world, units, keys, parts], (k, v: unknown) => (k === 'sealed' ? undefined : v));
}


export class ShellController {
  #view: ShellView = {
    world: null, previous: null, selectedUnits: new Set(), signatureKeyNames: [], log: [], logEpoch: 0,
    question: null, progress: null, busy: false, exited: false, keynums: [], partKeynums: [], changedOutside: false,
    panelView: 'table',
  };
  #listeners = new Set<() => void>();
  #answer: ((value: string | null) => void) | null = null;
  #nextId = 0;
  #observers = new Set<ShellObserver>();
  #words = new ShellWords();
  #engines: EngineStack;
  /** Set by the prompt: called synchronously when a dialog starts or stops asking. */
  promptMode: ((mode: { readonly answering: boolean; readonly masked: boolean }) => void) | null = null;

  constructor(engine: ShellEngine) {
    this.#engines = new EngineStack(engine);
  }

  private get engine(): ShellEngine {
    return this.#engines.current;
  }

  get view(): ShellView {
    return this.#view;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getView = (): ShellView => this.#view;

  #set(patch: Partial<ShellView>): void {
    this.#view = { ...this.#view, ...patch };
    for (const l of this.#listeners) l();
  }

  addObserver(observer: ShellObserver): () => void {
    this.#observers.add(observer);
    return () => this.#observers.delete(observer);
  }

  /** Registers a shell word of one or two words ("hint", "record start"). */
  registerBuiltin(words: string, handler: Builtin): void {
    this.#words.register(words, handler);
  }

  /** Whether a shell word is registered (a plug-in that another already installed skips itself). */
  hasBuiltin(words: string): boolean {
    return this.#words.has(words);
  }

  /** The shell's own words, for help and "did you mean". */
  get builtinWords(): readonly string[] {
    return this.#words.words;
  }

  log(text: string, tone: Tone = toneOf(text)): void {
    const item = { id: String(this.#nextId++), text, tone };
    for (const o of this.#observers) o.output?.(item);
    const log = [...this.#view.log, item];
    this.#set({ log: log.length > LOG_LIMIT ? log.slice(log.length - LOG_LIMIT) : log });
  }

  #startup: Promise<void> | null = null;

  /** The shell is still starting until `done` settles: lines submitted meanwhile wait for it. */
  startingUp(done: Promise<unknown>): void {
    const startup = done.then(() => undefined, () => undefined).finally(() => {
      if (this.#startup === startup) this.#startup = null;
    });
    this.#startup = startup;
  }

  /** Empties the log (`clear`, Ctrl-L): the log component is remounted. */
  clearLog(): void {
    this.#set({ log: [], logEpoch: this.#view.logEpoch + 1 });
  }

  /**
   * Another process changed the world or the workstation (a second terminal, a one-shot command):
   * the panel follows, and its change line says where the change came from. Ignored while a
   * command of this shell runs, and when nothing the panel shows has changed.
   */
  async followOutside(): Promise<void> {
    if (this.#view.busy || this.#view.question) return;
    const before = this.#view.world;
    const [world, selection, keys] = await Promise.all([this.engine.world(), this.engine.selection(), this.engine.keynums()]);
    const seen = fingerprint(before, [...this.#view.selectedUnits], this.#view.keynums, this.#view.partKeynums);
    if (seen === fingerprint(world, selection.units, keys.signatureKeys, keys.keyParts) || this.#view.busy) return;
    this.#set({
      world, previous: before, selectedUnits: new Set(selection.units), signatureKeyNames: selection.signatureKeyNames,
      keynums: keys.signatureKeys, partKeynums: keys.keyParts, changedOutside: true,
    });
  }

  /** Loads the world and the selection (at start, and after every command). */
  async refresh(previous: World | null = this.#view.previous): Promise<void> {
    const [world, selection, keys] = await Promise.all([this.engine.world(), this.engine.selection(), this.engine.keynums()]);
    this.#set({
      world, previous, selectedUnits: new Set(selection.units), signatureKeyNames: selection.signatureKeyNames,
      keynums: keys.signatureKeys, partKeynums: keys.keyParts, changedOutside: false,
    });
  }

  readonly io: Io = {
    print: (text) => this.log(text),
    ask: (question) =>
      new Promise<string | null>((resolve) => {
        this.log(question.prompt, 'normal');
        for (const o of this.#observers) o.question?.(question);
        this.promptMode?.({ answering: true, masked: question.kind === 'secret' });
        this.#answer = resolve;
        this.#set({ question });
      }),
    progress: (p) => this.#set({ progress: p }),
  };

  #resolveQuestion(value: string | null): void {
    const resolve = this.#answer;
    const q = this.#view.question;
    this.#answer = null;
    this.promptMode?.({ answering: true, masked: true });
    this.#set({ question: null });
    if (q && value !== null) this.log(q.kind === 'secret' ? '> ' : `> ${value}`, 'muted');
    if (q) for (const o of this.#observers) o.answer?.(q, q.kind === 'secret' ? null : value);
    resolve?.(value);
  }

  /**
   * One submitted line. While a dialog asks, the line answers it; otherwise it is a command, or one
   * of the shell's own words (exit, quit, clear). Resolves once the command has finished.
   */
  async submit(line: string): Promise<Outcome | null> {
    // A line typed before the shell has finished starting (its engine and plug-ins load right after
    // the first frame) waits for it, so that `learn` or a recorded first command is never lost.
    if (this.#startup) await this.#startup;
    const q = this.#view.question;
    // A secret where a command or a plain answer was expected: never run, shown, answered or kept.
    const secret = q?.kind === 'secret' ? null : findSecret(line);
    if (secret && !this.#view.busy) {
      for (const o of this.#observers) o.discarded?.(secret);
      this.log(q ? `${secretLineNotice(secret)} The question was cancelled.` : secretLineNotice(secret), 'error');
      if (q) this.#resolveQuestion(null);
      return null;
    }
    if (q) {
      this.#resolveQuestion(line);
      return null;
    }
    if (this.#view.exited) return null;
    if (this.#view.busy) {
      // Typed while a command runs and before it asks: it might be a password typed too early,
      // so it is neither shown nor run.
      this.log('(a command is still running: that line was discarded)', 'muted');
      return null;
    }
    return this.#command(line);
  }

  async #command(line: string): Promise<Outcome | null> {
    const trimmed = line.trim();
    if (trimmed === '') return null;
    if (trimmed === 'exit' || trimmed === 'quit') {
      this.#set({ exited: true });
      return null;
    }
    if (trimmed === 'clear') {
      this.clearLog();
      return null;
    }
    const panel = panelWordRest(trimmed);
    if (panel !== null) {
      // Not a command: the change line and the diagram's highlighted arrow stay on the last command.
      const word = panelWord(panel, this.#view.panelView);
      this.log(`tkesim> ${trimmed.slice(0, 200)}`, 'muted');
      if (word.kind === 'switch') this.setPanelView(word.view);
      this.log(word.message, 'muted');
      return null;
    }
    const before = this.#view.world;
    const base = this.#engines.base;
    this.log(`tkesim> ${trimmed.length > 200 ? `${trimmed.slice(0, 200)}...` : trimmed}`, 'muted');
    for (const o of this.#observers) o.commandStart?.(trimmed, before);
    // The change line is about the last command only: cleared as the next one starts.
    this.#set({ busy: true, progress: null, previous: this.#view.world, changedOutside: false });
    this.promptMode?.({ answering: true, masked: true });
    let outcome: Outcome | null = null;
    try {
      const builtin = this.#words.find(trimmed);
      if (builtin) await builtin.handler(builtin.rest, this);
      else {
        outcome = await this.engine.run(trimmed, this.io);
        this.#suggestShellWord(trimmed, outcome);
      }
      return outcome;
    } catch (e) {
      this.log(`FAILED\nInternal error: ${e instanceof Error ? e.message : String(e)}`, 'error');
      outcome = { status: 'failed', message: 'internal error' };
      return outcome;
    } finally {
      // After a switch to another world (a lesson starts or ends) there is no "before" to compare with.
      await this.refresh(this.#engines.base === base ? before : null).catch((e: unknown) => this.log(`FAILED\n${e instanceof Error ? e.message : String(e)}`, 'error'));
      this.promptMode?.({ answering: false, masked: false });
      this.#set({ busy: false, progress: null });
      for (const o of this.#observers) o.commandEnd?.(trimmed, outcome, before, this.#view.world);
    }
  }

  /** A mistyped shell word ("hnt"): the engine did not know it either; say which shell word was meant. */
  #suggestShellWord(line: string, outcome: Outcome): void {
    if (outcome.status !== 'usage' || !/is not a tkesim command/.test(outcome.message)) return;
    const near = this.#words.near(line);
    if (near.length) this.log(`Did you mean the shell word: ${near.join(', ')}?`, 'muted');
  }

  /** Shows the panel as a table or as the register diagram. */
  setPanelView(view: PanelView): void {
    if (view !== this.#view.panelView) this.#set({ panelView: view });
  }

  /** F2: the other view. */
  togglePanelView(): void {
    this.setPanelView(otherView(this.#view.panelView));
  }

  /** Replaces the engine (a lesson or a replay works on its own world). Wrappers stay on. */
  useEngine(engine: ShellEngine): Promise<void> {
    this.#engines.replace(engine);
    return this.refresh(null);
  }

  /** The engine as given (without wrappers): what a recorder snapshots. */
  get baseEngine(): ShellEngine {
    return this.#engines.base;
  }

  /** Wraps the current engine and every later one, until the returned function removes it. */
  addEngineWrapper(wrapper: EngineWrapper): () => void {
    return this.#engines.add(wrapper);
  }

  /** Ctrl-C: cancels a dialog (the world is unchanged), or quits at an empty prompt. */
  interrupt(hadText: boolean): void {
    if (this.#view.question) {
      this.#resolveQuestion(null);
      return;
    }
    if (!hadText && !this.#view.busy) this.#set({ exited: true });
  }

  /** Ctrl-D on an empty line: ends a dialog's input, or quits. */
  endOfInput(): void {
    if (this.#view.question) this.#resolveQuestion(null);
    else if (!this.#view.busy) this.#set({ exited: true });
  }
}
