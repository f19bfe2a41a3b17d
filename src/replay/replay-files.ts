/** Finding a session's journal, and the training values of the demo that made it. */
import { existsSync, readFileSync } from 'node:fs';
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

/** The training values of the demo script named in a journal's header, when it can be read. */
export function loadTraining(journalFile: string, demo: string | undefined): Map<string, string> {
  if (!demo) return new Map();
  try {
    return new Map(parseDemoScript(readFileSync(resolve(dirname(journalFile), demo), 'utf8')).training);
  } catch {
    return new Map();
  }
}
