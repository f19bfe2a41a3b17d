/**
 * The prompt's command history on disk (in TKESIM_HOME): one JSON string per line, at most
 * HISTORY_LIMIT entries, mode 0600, replaced atomically (written to a temporary file, then renamed).
 *
 * Only command lines belong here. Callers must never pass a secret answer (password, key part
 * value): the prompt reducer records a submitted line only when the prompt is not masked, and the
 * shell saves that history, never the answers given to a dialog's questions.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { findSecret } from '../engine/secrets.ts';
import { HISTORY_LIMIT } from './prompt-reducer.ts';

export { HISTORY_LIMIT } from './prompt-reducer.ts';

function parseLine(line: string): string | null {
  if (line.trim() === '') return null;
  if (line.startsWith('"')) {
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'string') return value;
    } catch {
      // Not JSON: a plain history line that happens to start with a quote.
    }
  }
  return line;
}

/** Parses a history file's text: JSON-string lines, or plain lines (older or hand-written files). */
export function parseHistory(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map(parseLine)
    .filter((l): l is string => l !== null)
    .slice(-HISTORY_LIMIT);
}

/** The file's text. A line that holds a secret of this session is never written, whoever passes it. */
export function formatHistory(lines: readonly string[]): string {
  const kept = lines.filter((l) => l.trim() !== '' && findSecret(l) === null).slice(-HISTORY_LIMIT);
  return kept.map((l) => `${JSON.stringify(l)}\n`).join('');
}

/** The saved history, oldest first; empty when the file does not exist yet. */
export async function loadHistory(path: string): Promise<string[]> {
  try {
    return parseHistory(await readFile(path, 'utf8'));
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'ENOENT') return [];
    throw e;
  }
}

/** Replaces the history file with the last HISTORY_LIMIT lines, atomically, readable by the owner only. */
export async function saveHistory(path: string, lines: readonly string[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, formatHistory(lines), { mode: 0o600, flag: 'wx' });
    await chmod(temp, 0o600);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/**
 * Adds one command line to the file, keeping what other sessions saved meanwhile; returns the
 * merged history (for the prompt's `set-history`).
 */
export async function appendHistory(path: string, line: string): Promise<string[]> {
  const saved = await loadHistory(path);
  if (line.trim() === '' || saved[saved.length - 1] === line || findSecret(line) !== null) return saved;
  const lines = [...saved, line].slice(-HISTORY_LIMIT);
  await saveHistory(path, lines);
  return lines;
}
