/**
 * The journal (`NAME.journal.jsonl`): the semantic log of a recorded session. A header (format
 * version, tkesim version, where the session started) and one line per command: the line typed,
 * the non-secret answers, a placeholder for each secret answer, the outcome, what the screen
 * showed, and the secret-free view of the state after it. Every line carries a hash chained to the
 * line before (journal-chain.ts), so a deleted, reordered or edited line is found and named.
 * No secret is ever in it: players show the recorded views, and only take-over re-executes.
 */
import type { World } from '../core/types.ts';
import type { ProvisionOptions } from '../core/world.ts';
import type { SecretLabel } from '../engine/io.ts';
import type { Outcome } from '../engine/outcome.ts';
import type { Tone } from '../shell/theme.ts';
import type { LessonNote, LessonStartNote } from './markers.ts';

export const JOURNAL_FORMAT = 'tkesim-journal';
export const JOURNAL_VERSION = 2;

/**
 * What may leave the session of a state: the world as a public view (no key, only VPs and
 * counts), the selection, and the workstation's files as `sigkeys` and `mks` list them.
 */
export interface StateView {
  readonly world: World;
  readonly selection: { readonly units: readonly string[]; readonly signatureKeyNames: readonly string[] };
  readonly workstation: {
    readonly signatureKeys: readonly { readonly keynum: number; readonly name: string; readonly ski: string }[];
    readonly keyParts: readonly { readonly keynum: number; readonly description: string; readonly vp: string }[];
  };
}

/** Where the recorded session started. */
export type JournalStart =
  /** A freshly provisioned seeded world and an empty workstation: take-over provisions it again and re-executes. */
  | { readonly kind: 'provision'; readonly options: ProvisionOptions; readonly view: StateView }
  /** Any other state (it held keys already): only its public view; take-over continues on stand-ins. */
  | { readonly kind: 'view'; readonly view: StateView };

/** The chain fields every line carries: the hash of the line before, and this line's own. */
export interface Chained {
  readonly prev: string;
  readonly hash: string;
}

export interface JournalHeader {
  readonly type: 'header';
  readonly format: typeof JOURNAL_FORMAT;
  readonly version: number;
  readonly tkesim: string;
  /** ISO time the recording started. */
  readonly created: string;
  readonly title: string;
  /** Who was recorded (`--trainee`, default the login name). */
  readonly trainee?: string;
  /** The start world's seed (null: unseeded, nothing can be re-executed exactly). */
  readonly seed: string | null;
  /** TKESIM_SEED as the session saw it (sim init without --seed uses it). */
  readonly envSeed: string | null;
  readonly start: JournalStart;
  /** The demo script the session ran, relative to the journal's directory (its training values). */
  readonly demo?: string;
  /** The lesson attempt in progress when the recording began (later ones are `lesson` markers). */
  readonly lesson?: LessonStartNote;
  readonly hash: string;
}

export type JournalAnswer =
  | { readonly kind: 'text' | 'confirm'; readonly prompt: string; readonly value: string | null; readonly t: number }
  | {
      readonly kind: 'secret';
      readonly prompt: string;
      readonly label: SecretLabel;
      /**
       * Which secret: answers with the same value share a slot (so a mistyped password replays as
       * one); 0 is the empty answer; null a cancelled question. The value itself is never kept.
       */
      readonly slot: number | null;
      /** The demo training value's name, when the answer came from a demo script. */
      readonly training?: string;
      readonly t: number;
    };

/** One thing the screen showed during a command: printed text, a prompt, an answer (`> ` for a secret). */
export interface TranscriptItem {
  readonly text: string;
  readonly tone: Tone;
  /** Seconds since the start of the recording. */
  readonly time: number;
}

/** A unit's (or a pre-check's) refusal, as a report needs it: codes and tkesim's sentence. */
export interface JournalRefusal {
  readonly code: string;
  readonly returnCode: number | null;
  readonly reasonCode: number | null;
  /** The crypto module's message. */
  readonly message: string;
  /** tkesim's sentence: why, and what to do next. */
  readonly advice: string;
  readonly unit?: number;
}

export interface JournalOutcome {
  readonly status: 'ok' | 'failed' | 'usage' | 'cancelled' | 'error';
  readonly message?: string;
  /** A failure that was a refusal (journals before this field have only the message). */
  readonly refusal?: JournalRefusal;
}

export interface JournalCommand extends Chained {
  readonly type: 'command';
  /** 1-based, in order. */
  readonly step: number;
  readonly line: string;
  /** Seconds since the start of the recording when the line was submitted, and when it ended. */
  readonly t: number;
  readonly end: number;
  readonly answers: readonly JournalAnswer[];
  readonly outcome: JournalOutcome;
  /** What the screen showed: the command line, its output, prompts and answers. */
  readonly output: readonly TranscriptItem[];
  /** The secret-free state after the command. */
  readonly view: StateView;
  /** SHA-256 of the view. */
  readonly digest: string;
}

/** A lesson step, a demo step: a label for players to jump to. */
export interface JournalMarker extends Chained {
  readonly type: 'marker';
  readonly kind: 'lesson-step' | 'demo-step' | 'note' | 'lesson';
  readonly label: string;
  readonly t: number;
  /** For a `lesson` marker: what the lesson noted (an attempt, a hint, a played solution, the score). */
  readonly lesson?: LessonNote;
}

/** A demo went back: the world is again as it was after command `to` (0: the start). */
export interface JournalRewind extends Chained {
  readonly type: 'rewind';
  readonly to: number;
  readonly t: number;
}

/** The shell switched to another world (a lesson started): the session goes on from this start. */
export interface JournalRestart extends Chained {
  readonly type: 'restart';
  readonly start: JournalStart;
  readonly seed: string | null;
  readonly t: number;
}

/** The recording stopped cleanly after `steps` commands (absent: it was cut short, or its end was deleted). */
export interface JournalEnd extends Chained {
  readonly type: 'end';
  readonly steps: number;
  readonly t: number;
}

type Body<T> = T extends unknown ? Omit<T, 'prev' | 'hash'> : never;

export type JournalEntry = JournalCommand | JournalMarker | JournalRewind | JournalRestart | JournalEnd;
/** An entry before the writer chains it. */
export type JournalBody = Body<JournalEntry>;

export interface Journal {
  readonly header: JournalHeader;
  readonly entries: readonly JournalEntry[];
}

export class JournalError extends Error {}

/** How a command ended, as a journal keeps it. */
export function journalOutcome(o: Outcome | null, error?: unknown): JournalOutcome {
  if (error !== undefined) return { status: 'error', message: error instanceof Error ? error.message : String(error) };
  if (!o) return { status: 'cancelled' };
  if (o.status === 'failed' && o.refusal) {
    const r = o.refusal;
    const refusal: JournalRefusal = { code: r.code, returnCode: r.returnCode, reasonCode: r.reasonCode, message: r.message, advice: r.advice, ...(r.unit !== undefined ? { unit: r.unit } : {}) };
    return { status: 'failed', message: o.message, refusal };
  }
  return o.status === 'ok' ? { status: 'ok' } : { status: o.status, message: o.message };
}
