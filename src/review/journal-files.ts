/**
 * Finding and reading the journals a review is asked for: a NAME.journal.jsonl, a .cast with its
 * journal beside it, a session name (sessions/NAME), or a directory (every journal in it). Every
 * problem is one sentence naming the file; nothing here prints.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readJournal, type CheckedJournal } from '../journal/journal-chain.ts';
import { JournalError } from '../journal/journal-format.ts';
import { CAST_EXTENSION, JOURNAL_EXTENSION, sessionFiles } from '../journal/session-files.ts';

export class ReviewInputError extends Error {}

function kindOf(path: string): 'file' | 'directory' | null {
  try {
    const s = statSync(path);
    return s.isDirectory() ? 'directory' : 'file';
  } catch {
    return null;
  }
}

export const isDirectory = (path: string): boolean => kindOf(path) === 'directory';

/** The journal files FILE stands for (several for a directory), in a stable order. */
export function journalsFor(arg: string): string[] {
  const kind = kindOf(arg);
  if (kind === 'directory') {
    let names: string[];
    try {
      names = readdirSync(arg);
    } catch (e) {
      throw new ReviewInputError(`The directory ${arg} could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
    const found = names.filter((n) => n.endsWith(JOURNAL_EXTENSION)).sort().map((n) => join(arg, n));
    if (found.length === 0) throw new ReviewInputError(`${arg} holds no recording (no ${JOURNAL_EXTENSION} file).`);
    return found;
  }
  if (arg.endsWith(CAST_EXTENSION)) {
    const beside = `${arg.slice(0, -CAST_EXTENSION.length)}${JOURNAL_EXTENSION}`;
    if (kindOf(beside) === 'file') return [beside];
    throw new ReviewInputError(kind === null ? `${arg} was not found.` : `${arg} has no journal beside it (${beside}): a report needs the journal.`);
  }
  if (kind === 'file') return [arg];
  if (!arg.endsWith(JOURNAL_EXTENSION)) {
    const named = sessionFiles(arg).journal;
    if (kindOf(named) === 'file') return [named];
  }
  throw new ReviewInputError(`${arg} was not found.`);
}

/** Reads one journal with its integrity checked; a file that is not a journal is one sentence. */
export function readJournalFile(file: string): CheckedJournal {
  let text: string;
  try {
    text = readFileSync(file).toString('utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReviewInputError(code === 'ENOENT' ? `${file} was not found.` : `${file} could not be read (${code === 'EACCES' ? 'permission denied' : (code ?? 'error')}).`);
  }
  try {
    return readJournal(text);
  } catch (e) {
    if (e instanceof JournalError) throw new ReviewInputError(`${file}: ${e.message}`);
    throw e;
  }
}
