/** Finding a session's journal, reading a session's files, and the training values of the demo that made it. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDemoScript } from '../demo/index.ts';
import { JOURNAL_EXTENSION, sessionFiles } from '../journal/session-files.ts';

/** The journal to play for FILE, or null to play FILE as a .cast. */
export function journalFor(file: string): string | null {
  if (file.endsWith(JOURNAL_EXTENSION)) return file;
  if (file.endsWith('.cast')) {
    const beside = `${file.slice(0, -'.cast'.length)}${JOURNAL_EXTENSION}`;
    return existsSync(beside) ? beside : null;
  }
  if (existsSync(file)) return null;
  const named = sessionFiles(file);
  return existsSync(named.journal) ? named.journal : existsSync(named.cast) ? null : file;
}

/** The text of a recording, or one sentence on why it cannot be read (never a raw ENOENT). */
export function readRecording(file: string): string {
  let isDirectory = false;
  try {
    isDirectory = statSync(file).isDirectory();
  } catch {
    throw new Error(`${file} was not found.`);
  }
  if (isDirectory) throw new Error(`${file} is a directory, not a recording.`);
  try {
    // Read, then decode: faster than asking readFileSync for text on large journals.
    return readFileSync(file).toString('utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`${file} could not be read (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'error')}).`);
  }
}

/** The journal beside a .cast, when there is one. */
export function journalBeside(castFile: string): string | null {
  if (!castFile.endsWith('.cast')) return null;
  const beside = `${castFile.slice(0, -'.cast'.length)}${JOURNAL_EXTENSION}`;
  return existsSync(beside) ? beside : null;
}

/** The training values of the demo script named in a journal's header, when it can be read. */
export function loadTraining(journalFile: string, demo: string | undefined): Map<string, string> {
  if (!demo) return new Map();
  try {
    return new Map(parseDemoScript(readFileSync(resolve(dirname(journalFile), demo), 'utf8')).training);
  } catch {
    return new Map();
  }
}
