/** Where a recorded session's two files go: `sessions/NAME.cast` and `.journal.jsonl`, or a path. */
import { isAbsolute, join, resolve } from 'node:path';

export interface SessionFiles {
  /** The path without extension. */
  readonly base: string;
  readonly cast: string;
  readonly journal: string;
}

export const CAST_EXTENSION = '.cast';
export const JOURNAL_EXTENSION = '.journal.jsonl';

/** NAME alone goes under `sessions/` of the working directory; a path (with a slash) is used as is. */
export function sessionFiles(name: string, cwd: string = process.cwd()): SessionFiles {
  const bare = name.replace(/(\.journal\.jsonl|\.cast)$/, '');
  const base = isAbsolute(bare) ? bare : bare.includes('/') ? resolve(cwd, bare) : join(cwd, 'sessions', bare);
  return { base, cast: `${base}${CAST_EXTENSION}`, journal: `${base}${JOURNAL_EXTENSION}` };
}

/** A problem with a session name, or null. */
export function sessionNameProblem(name: string | undefined): string | null {
  if (name === undefined || name.trim() === '') return 'Give the session a name, for example: record start ceremony-1';
  if (name.startsWith('-')) return `"${name}" is not a session name (it looks like an option).`;
  return null;
}
