/**
 * The journal's hash chain, and reading a journal with its integrity checked. The header's hash
 * covers the header; every later line's `hash` covers its content and `prev`, the hash of the line
 * before. So an edited line no longer matches its own hash, and a deleted or moved line leaves the
 * next one pointing at a hash that is not the one before it. Step numbers must run 1, 2, 3...; a
 * clean stop writes an `end` line. A last line cut off mid-write (a killed recording) is reported
 * as truncated and the rest still plays.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './world-digest.ts';
import { entryTextMatches, headerTextMatches, viewTextMatches } from './raw-hash.ts';
import { viewDigest } from './state-view.ts';
import { JOURNAL_FORMAT, JOURNAL_VERSION, JournalError, type Journal, type JournalBody, type JournalEntry, type JournalHeader } from './journal-format.ts';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

type Unhashed<T> = Omit<T, 'hash' | 'prev'>;

export function headerHash(header: Unhashed<JournalHeader>): string {
  return sha(`${JOURNAL_FORMAT}\n${canonicalJson({ ...header, hash: undefined })}`);
}

export function entryHash(prev: string, body: JournalBody | JournalEntry): string {
  return sha(`${prev}\n${canonicalJson({ ...body, hash: undefined, prev: undefined })}`);
}

export function sealHeader(header: Unhashed<JournalHeader>): JournalHeader {
  return { ...header, hash: headerHash(header) };
}

export function chain(prev: string, body: JournalBody): JournalEntry {
  // The body's own shape decides the entry's: chaining only adds the two hash fields.
  return { ...body, prev, hash: entryHash(prev, body) } as JournalEntry;
}

/** Something wrong with a journal's integrity, named by the line and (for a command) its step. */
export interface IntegrityProblem {
  readonly line: number;
  readonly step: number | null;
  readonly message: string;
}

export interface CheckedJournal {
  readonly journal: Journal;
  readonly problems: readonly IntegrityProblem[];
  /** The last line was cut off (it is not in `journal`). */
  readonly truncated: boolean;
  /** The recording stopped cleanly (an `end` line closes it). */
  readonly ended: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const TYPES = new Set(['command', 'marker', 'rewind', 'restart', 'end']);

function checkShape(raw: unknown, n: number): JournalEntry {
  if (!isObj(raw)) throw new JournalError(`Line ${n} is not a JSON object.`);
  if (typeof raw.type !== 'string' || !TYPES.has(raw.type)) throw new JournalError(`Line ${n}: unknown entry type ${JSON.stringify(raw.type)}.`);
  if (typeof raw.hash !== 'string' || typeof raw.prev !== 'string' || typeof raw.t !== 'number') throw new JournalError(`Line ${n}: an entry needs t, prev and hash.`);
  if (raw.type === 'command') {
    const ok = typeof raw.line === 'string' && typeof raw.step === 'number' && Array.isArray(raw.answers) && isObj(raw.outcome) && typeof raw.digest === 'string' && Array.isArray(raw.output) && isObj(raw.view) && isObj(raw.view.world);
    if (!ok) throw new JournalError(`Line ${n}: a command entry needs line, step, answers, outcome, output, view and digest.`);
  }
  if (raw.type === 'restart' && (!isObj(raw.start) || !isObj(raw.start.view))) throw new JournalError(`Line ${n}: a restart needs a start view.`);
  // The shape is checked above; the chain below tells whether the content is the recorded one.
  return raw as unknown as JournalEntry;
}

function parseHeader(text: string | undefined): JournalHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(text ?? '');
  } catch {
    throw new JournalError('This is not a tkesim journal (the first line is not JSON).');
  }
  if (!isObj(raw) || raw.type !== 'header' || raw.format !== JOURNAL_FORMAT) throw new JournalError('This is not a tkesim journal (no journal header on the first line).');
  if (typeof raw.version !== 'number' || raw.version !== JOURNAL_VERSION) {
    throw new JournalError(`This journal has format version ${String(raw.version)}; this tkesim reads version ${JOURNAL_VERSION} (record the session again).`);
  }
  if (!isObj(raw.start) || (raw.start.kind !== 'provision' && raw.start.kind !== 'view') || !isObj(raw.start.view)) throw new JournalError('The journal header has no start view.');
  if (typeof raw.hash !== 'string') throw new JournalError('The journal header has no hash.');
  return raw as unknown as JournalHeader;
}

/** Reads a journal and checks its chain; throws JournalError only when it cannot be read at all. */
export function readJournal(text: string): CheckedJournal {
  const lines = text.split('\n');
  const complete = text.endsWith('\n');
  const header = parseHeader(lines[0]);
  const problems: IntegrityProblem[] = [];
  // Each hash is checked on the line's text first (fast), and on its re-encoded value when that fails.
  if (!headerTextMatches(lines[0] ?? '', header.hash) && headerHash(header) !== header.hash) problems.push({ line: 1, step: null, message: 'the header was edited (its hash does not match its content)' });
  const entries: JournalEntry[] = [];
  let truncated = false;
  let prev = header.hash;
  let expectedStep = 1;
  let ended = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const n = i + 1;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      if (i === lines.length - 1 && !complete) {
        truncated = true;
        break;
      }
      throw new JournalError(`Line ${n} is not JSON.`);
    }
    const entry = checkShape(raw, n);
    const step = entry.type === 'command' ? entry.step : null;
    const what = step !== null ? `step ${step}` : `the ${entry.type} line`;
    if (ended) problems.push({ line: n, step, message: `${what} comes after the recording's end line` });
    if (!entryTextMatches(line, entry.prev, entry.hash) && entryHash(entry.prev, entry) !== entry.hash) problems.push({ line: n, step, message: `${what} (line ${n}) was edited: its hash does not match its content` });
    else if (entry.prev !== prev) problems.push({ line: n, step, message: `the line before ${what} (line ${n}) is not the one recorded: a line was deleted, added or moved there` });
    if (entry.type === 'command') {
      if (!viewTextMatches(line, entry.digest) && viewDigest(entry.view) !== entry.digest) problems.push({ line: n, step, message: `the view of step ${entry.step} (line ${n}) does not match its digest` });
      if (entry.step > expectedStep) problems.push({ line: n, step, message: expectedStep === entry.step - 1 ? `step ${expectedStep} is missing` : `steps ${expectedStep} to ${entry.step - 1} are missing` });
      else if (entry.step < expectedStep) problems.push({ line: n, step, message: `step ${entry.step} is out of order (after step ${expectedStep - 1})` });
      expectedStep = Math.max(expectedStep, entry.step + 1);
    }
    if (entry.type === 'end') {
      ended = true;
      if (entry.steps !== expectedStep - 1) problems.push({ line: n, step: null, message: `the end line counts ${entry.steps} step(s), but ${expectedStep - 1} are here` });
    }
    prev = entry.hash;
    entries.push(entry);
  }
  return { journal: { header, entries }, problems, truncated, ended };
}

/** For callers that need a journal and nothing else: integrity problems are errors. */
export function parseJournal(text: string): Journal {
  const checked = readJournal(text);
  const first = checked.problems[0];
  if (first) throw new JournalError(`The journal is not as recorded: ${first.message}.`);
  return checked.journal;
}

/** One sentence about a journal's integrity, for players and printers. */
export function integritySummary(c: CheckedJournal): string[] {
  const out = c.problems.map((p) => `INTEGRITY: ${p.message}.`);
  if (c.truncated) out.push('TRUNCATED: the last line was cut off (the recording was killed while writing it); everything before it plays.');
  else if (!c.ended) out.push('NOTE: the recording has no end line: it was stopped without closing (killed?), or its last lines were deleted.');
  return out;
}
