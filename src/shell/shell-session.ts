/**
 * The shell session's vocabulary: the engine it runs lines on, what it shows (ShellView), who listens
 * (observers: recorders, lessons) and the words it handles itself. Types only, and the tone of a line.
 */
import type { World } from '../core/types.ts';
import type { Paths } from '../engine/context.ts';
import type { Io, Progress, Question } from '../engine/io.ts';
import type { Outcome } from '../engine/outcome.ts';
import type { SecretKind } from '../engine/secrets.ts';
import type { OutputItem, Tone } from './output-log.tsx';
import type { PanelView } from './panel-view.ts';
import type { ShellController } from './controller.ts';

/** What the shell needs from the engine; the entry wires it. */
export interface ShellEngine {
  run(line: string, io: Io): Promise<Outcome>;
  world(): Promise<World>;
  /** Selected unit ids and the names of the selected signature keys. */
  selection(): Promise<{ readonly units: readonly string[]; readonly signatureKeyNames: readonly string[] }>;
  /** KEYNUMs of signature keys and of master key parts, for completion. */
  keynums(): Promise<{ readonly signatureKeys: readonly number[]; readonly keyParts: readonly number[] }>;
  /** Where this engine's world and workstation live, when on disk (a recorder snapshots them). */
  readonly paths?: Paths;
}

/** Decorates the engine (a recorder journals every line); kept across `useEngine`. */
export type EngineWrapper = (engine: ShellEngine) => ShellEngine;

/** Listens to a shell session: recorders, lessons. Never handed a secret. */
export interface ShellObserver {
  /** Every item added to the log. */
  output?(item: OutputItem): void;
  /** A dialog asked a question. */
  question?(question: Question): void;
  /** The answer given: null for a secret (it is never passed on) or a cancelled question. */
  answer?(question: Question, value: string | null): void;
  commandStart?(line: string, world: World | null): void;
  /** A command finished (or a built-in ran: outcome null); the worlds before and after it. */
  commandEnd?(line: string, outcome: Outcome | null, before: World | null, after: World | null): void;
  /** A typed line held a secret of this session: it was not run, shown or kept (only its kind is told). */
  discarded?(kind: SecretKind): void;
}

/** A word the shell handles itself (hint, record start, ...): it gets the rest of the line. */
export type Builtin = (rest: string, controller: ShellController) => Promise<void> | void;

export interface ShellView {
  readonly world: World | null;
  /** The world before the last command: the panel highlights what changed. */
  readonly previous: World | null;
  readonly selectedUnits: ReadonlySet<string>;
  readonly signatureKeyNames: readonly string[];
  readonly log: readonly OutputItem[];
  /** Changes when the log is cleared (the log component is remounted). */
  readonly logEpoch: number;
  readonly question: Question | null;
  readonly progress: Progress | null;
  readonly busy: boolean;
  readonly exited: boolean;
  readonly keynums: readonly number[];
  readonly partKeynums: readonly number[];
  /** The last change shown came from another process, not from a command of this shell. */
  readonly changedOutside: boolean;
  /** The panel as a table or as the register diagram (`panel`, F2; a lesson may choose). */
  readonly panelView: PanelView;
}

/** The colour of a line of output, from how it starts. */
export function toneOf(text: string): Tone {
  if (text.startsWith('FAILED') || text.startsWith('Incorrect usage')) return 'error';
  if (text.startsWith('OK')) return 'ok';
  return 'normal';
}
