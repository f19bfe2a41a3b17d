/**
 * The journal (`NAME.journal.jsonl`): the semantic log of a recorded session. A header (format
 * version, tkesim version, seed, start world) and one line per command: the line typed, the
 * non-secret answers, a placeholder for each secret answer, the outcome, and a digest of the
 * resulting world. Replay re-executes it. No secret is ever in it.
 */
import type { World } from '../core/types.ts';
import type { ProvisionOptions } from '../core/world.ts';
import type { SecretLabel } from '../engine/io.ts';

export const JOURNAL_FORMAT = 'tkesim-journal';
export const JOURNAL_VERSION = 1;

/** Where the recorded session started. */
export type JournalStart =
  /** A freshly provisioned seeded world and an empty workstation: replay provisions it again. */
  | { readonly kind: 'provision'; readonly options: ProvisionOptions }
  /** Any other world: the store's world and the workstation files (sealed; base64). */
  | { readonly kind: 'snapshot'; readonly world: World; readonly files: Readonly<Record<string, string>> };

export interface JournalHeader {
  readonly type: 'header';
  readonly format: typeof JOURNAL_FORMAT;
  readonly version: number;
  readonly tkesim: string;
  /** ISO time the recording started. */
  readonly created: string;
  readonly title: string;
  /** The start world's seed: with it every random value of the session is reproducible. */
  readonly seed: string | null;
  /** TKESIM_SEED as the session saw it (sim init without --seed uses it). */
  readonly envSeed: string | null;
  readonly start: JournalStart;
  /** The demo script the session ran, relative to the journal's directory (its training values). */
  readonly demo?: string;
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

export interface JournalOutcome {
  readonly status: 'ok' | 'failed' | 'usage' | 'cancelled' | 'error';
  readonly message?: string;
}

export interface JournalCommand {
  readonly type: 'command';
  /** 1-based, in order. */
  readonly step: number;
  readonly line: string;
  /** Seconds since the start of the recording when the line was submitted, and when it ended. */
  readonly t: number;
  readonly end: number;
  readonly answers: readonly JournalAnswer[];
  readonly outcome: JournalOutcome;
  /** SHA-256 of the world, the selection and the workstation's key numbers after the command. */
  readonly digest: string;
  /** The world was unseeded after the command (a `sim init`): the recorder gave it this seed. */
  readonly reseed?: string;
}

/** A lesson step, a demo step: a label for players to jump to. */
export interface JournalMarker {
  readonly type: 'marker';
  readonly kind: 'lesson-step' | 'demo-step' | 'note';
  readonly label: string;
  readonly t: number;
}

/** A demo went back: the world is again as it was after command `to` (0: the start). */
export interface JournalRewind {
  readonly type: 'rewind';
  readonly to: number;
  readonly t: number;
}

/** The shell switched to another world (a lesson started): the session goes on from this start. */
export interface JournalRestart {
  readonly type: 'restart';
  readonly start: JournalStart;
  readonly seed: string | null;
  readonly t: number;
}

export type JournalEntry = JournalCommand | JournalMarker | JournalRewind | JournalRestart;

export interface Journal {
  readonly header: JournalHeader;
  readonly entries: readonly JournalEntry[];
}

export class JournalError extends Error {}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkEntry(raw: unknown, n: number): JournalEntry {
  if (!isObj(raw)) throw new JournalError(`Line ${n} is not a JSON object.`);
  const num = (k: string) => typeof raw[k] === 'number';
  switch (raw.type) {
    case 'command':
      if (typeof raw.line !== 'string' || !num('step') || !num('t') || !Array.isArray(raw.answers) || !isObj(raw.outcome) || typeof raw.digest !== 'string') {
        throw new JournalError(`Line ${n}: a command entry needs line, step, t, answers, outcome and digest.`);
      }
      return raw as unknown as JournalCommand;
    case 'marker':
      if (typeof raw.label !== 'string' || !num('t')) throw new JournalError(`Line ${n}: a marker needs a label and t.`);
      return raw as unknown as JournalMarker;
    case 'rewind':
      if (!num('to') || !num('t')) throw new JournalError(`Line ${n}: a rewind needs to and t.`);
      return raw as unknown as JournalRewind;
    case 'restart':
      if (!isObj(raw.start) || (raw.start.kind !== 'provision' && raw.start.kind !== 'snapshot') || !num('t')) throw new JournalError(`Line ${n}: a restart needs a start world and t.`);
      return raw as unknown as JournalRestart;
    default:
      throw new JournalError(`Line ${n}: unknown entry type ${JSON.stringify(raw.type)}.`);
  }
}

export function parseJournal(text: string): Journal {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const parse = (line: string, n: number): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new JournalError(`Line ${n} is not JSON.`);
    }
  };
  const header = parse(lines[0] ?? '', 1);
  if (!isObj(header) || header.type !== 'header' || header.format !== JOURNAL_FORMAT) throw new JournalError('This is not a tkesim journal (no journal header on the first line).');
  if (typeof header.version !== 'number' || header.version > JOURNAL_VERSION) throw new JournalError(`This journal has format version ${String(header.version)}; this tkesim reads version ${JOURNAL_VERSION}.`);
  if (!isObj(header.start) || (header.start.kind !== 'provision' && header.start.kind !== 'snapshot')) throw new JournalError('The journal header has no start world.');
  const entries = lines.slice(1).map((l, i) => checkEntry(parse(l, i + 2), i + 2));
  return { header: header as unknown as JournalHeader, entries };
}
