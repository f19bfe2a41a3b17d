/**
 * A recording in progress: a cast sink (the .cast file, or the channel to a `tkesim record`
 * parent) and a journal. It attaches to shell controllers (the shell, a demo, a take-over) and
 * journals every command their engine runs; it never sees a secret except to compare it in memory.
 */
import { userInfo } from 'node:os';
import { relative, dirname } from 'node:path';
import type { Question } from '../engine/io.ts';
import type { ShellController, ShellEngine } from '../shell/controller.ts';
import { monotonicClock, type CastSink } from './cast-writer.ts';
import type { JournalAnswer, JournalBody, JournalHeader } from '../journal/journal-format.ts';
import { JOURNAL_FORMAT, JOURNAL_VERSION } from '../journal/journal-format.ts';
import { journalStart } from '../journal/journal-start.ts';
import { JournalWriter } from './journal-writer.ts';
import { currentLesson, onMarker, type LessonNote, type MarkerKind } from '../journal/markers.ts';
import { recordingEngine, type CommandJournal } from './recording-engine.ts';
import { SecretSlots } from './secret-slots.ts';

export interface RecorderOptions {
  readonly sink: CastSink;
  /** The .cast file, when this process writes one. */
  readonly castFile: string | null;
  readonly journalFile: string;
  readonly title: string;
  readonly env: NodeJS.ProcessEnv;
  /** Who is recorded (default: the login name). */
  readonly trainee?: string;
  readonly clock?: () => number;
  /** Called when the recording stops (the terminal tap is removed). */
  readonly onStop?: () => void;
}

export interface AttachOptions {
  /** The demo script being run (its path; the journal stores it relative to itself). */
  readonly demo?: string;
}

const MARKER_MAX = 80;

function loginName(env: NodeJS.ProcessEnv): string {
  try {
    return env.USER ?? env.LOGNAME ?? userInfo().username;
  } catch {
    return 'unknown';
  }
}
const clip = (s: string) => (s.length > MARKER_MAX ? `${s.slice(0, MARKER_MAX - 3)}...` : s);

let active: Recorder | null = null;

function setActive(recorder: Recorder | null): void {
  active = recorder;
}

/** The recording in progress in this process, if any. */
export function activeRecorder(): Recorder | null {
  return active;
}

export class Recorder implements CommandJournal {
  readonly #journal: JournalWriter;
  readonly #slots = new SecretSlots();
  readonly now: () => number;
  #detach: (() => void) | null = null;
  #offMarker: () => void;
  #busy = false;
  #secret = false;
  #stopped = false;
  #journaled = false;
  /** The engine whose world the journal follows. */
  #engine: ShellEngine | null = null;

  constructor(readonly options: RecorderOptions) {
    this.now = options.clock ?? monotonicClock();
    this.#journal = new JournalWriter(options.journalFile);
    this.#offMarker = onMarker((kind, label, note) => this.marker(kind, label, note));
    setActive(this);
  }

  get files(): { readonly cast: string | null; readonly journal: string | null } {
    return { cast: this.options.castFile, journal: this.#journaled ? this.#journal.file : null };
  }

  /** Typing may be recorded: at the idle prompt, or answering a question that is not a secret. */
  inputAllowed(): boolean {
    return !this.#stopped && !this.#secret && !this.#busy;
  }

  #inputChanged(): void {
    this.options.sink.inputAllowed?.(this.inputAllowed());
  }

  /** Journals the controller's commands from now on (and starts the journal on first attach). */
  async attach(controller: ShellController, options: AttachOptions = {}): Promise<void> {
    this.#detach?.();
    const engine = controller.baseEngine;
    if (!this.#journal.started) {
      await engine.world();
      this.#journal.start(await this.#header(controller, options));
      this.#journaled = true;
    }
    this.#engine ??= engine;
    const removeWrapper = controller.addEngineWrapper((e) => recordingEngine(this, e));
    const removeObserver = controller.addObserver({
      commandStart: () => this.#set(true, false),
      question: (q) => this.#set(false, q.kind === 'secret'),
      answer: () => this.#set(true, false),
      commandEnd: () => this.#set(false, false),
      discarded: () => {
        this.options.sink.dropInput?.();
        this.marker('note', 'a line that held a secret of this session was typed at the prompt: it was not run and is not kept');
      },
    });
    this.#detach = () => {
      removeWrapper();
      removeObserver();
    };
    this.#inputChanged();
  }

  /** busy: a command runs and nothing is asked (a password typed early must not be recorded). */
  #set(busy: boolean, secret: boolean): void {
    this.#busy = busy;
    this.#secret = secret;
    this.#inputChanged();
  }

  async #header(controller: ShellController, options: AttachOptions): Promise<Omit<JournalHeader, 'hash'>> {
    const engine = controller.baseEngine;
    const world = await engine.world();
    const start = await journalStart(engine);
    const demo = options.demo ? relative(dirname(this.#journal.file), options.demo) : undefined;
    const lesson = currentLesson();
    return {
      type: 'header', format: JOURNAL_FORMAT, version: JOURNAL_VERSION,
      tkesim: this.options.env.TKESIM_VERSION ?? process.env.TKESIM_VERSION ?? '0.1.0',
      created: new Date().toISOString(), title: this.options.title, trainee: this.options.trainee ?? loginName(this.options.env),
      seed: world.seed, envSeed: this.options.env.TKESIM_SEED || null, start,
      ...(demo ? { demo } : {}),
      ...(lesson ? { lesson } : {}),
    };
  }

  async follow(engine: ShellEngine): Promise<void> {
    if (engine === this.#engine) return;
    this.#engine = engine;
    const start = await journalStart(engine);
    const world = await engine.world();
    this.#journal.append({ type: 'restart', start, seed: world.seed, t: this.now() });
    this.options.sink.marker('another world');
  }

  commandStarted(line: string): number {
    const step = this.#journal.nextStep();
    this.options.sink.marker(clip(`step ${step}: ${line}`));
    return step;
  }

  secretAnswer(question: Extract<Question, { kind: 'secret' }>, value: string | null, t: number): JournalAnswer {
    const training = value === null ? undefined : this.#slots.trainingName(value);
    return { kind: 'secret', prompt: question.prompt, label: question.label, slot: value === null ? null : this.#slots.slotOf(value), ...(training ? { training } : {}), t };
  }

  commandEnded(entry: Extract<JournalBody, { type: 'command' }>): void {
    this.#journal.append(entry);
  }

  /** A demo answers with a named training value: its placeholder names it (never holds it). */
  nameTraining(value: string, name: string): void {
    this.#slots.nameTraining(value, name);
  }

  marker(kind: MarkerKind, label: string, note?: LessonNote): void {
    if (this.#stopped) return;
    const prefix = kind === 'lesson-step' || kind === 'lesson' ? 'lesson: ' : kind === 'demo-step' ? 'demo: ' : '';
    this.options.sink.marker(clip(`${prefix}${label}`));
    this.#journal.append({ type: 'marker', kind, label, t: this.now(), ...(note ? { lesson: note } : {}) });
  }

  /** A demo went back: the state is again as after command `to`. */
  rewind(to: number): void {
    this.#journal.append({ type: 'rewind', to, t: this.now() });
    this.options.sink.marker(clip(`back to step ${to}`));
  }

  /** Commands journaled so far. */
  get steps(): number {
    return this.#journal.steps;
  }

  stop(): { readonly cast: string | null; readonly journal: string | null } {
    const files = this.files;
    if (this.#stopped) return files;
    this.#stopped = true;
    this.#detach?.();
    this.#offMarker();
    this.options.sink.close();
    this.#journal.close(this.now());
    this.options.onStop?.();
    if (active === this) setActive(null);
    return files;
  }
}
