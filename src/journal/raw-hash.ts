/**
 * Checking a journal line's hashes from its text, without re-encoding it. The writer writes every
 * line as canonical JSON (sorted keys), so a line's text less its `hash` and `prev` fields is the
 * very text its hash covers, and a command's view is the text after its last key `"view":`. When
 * the text gives the recorded hash, the line is as written (SHA-256 binds the exact text); when it
 * does not (an edit, or a line written before lines were canonical), the caller re-encodes the
 * parsed value and decides as before. So this is only ever a shortcut, never a looser check.
 */
import { createHash } from 'node:crypto';
import { JOURNAL_FORMAT } from './journal-format.ts';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The text without the one top-level `"name":value` field of that exact value, or null. */
function without(text: string, name: string, value: string): string | null {
  const field = `"${name}":${JSON.stringify(value)}`;
  const at = text.indexOf(field);
  if (at < 0 || text.indexOf(field, at + 1) >= 0) return null;
  const end = at + field.length;
  if (text[end] === ',') return text.slice(0, at) + text.slice(end + 1);
  if (text[at - 1] === ',') return text.slice(0, at - 1) + text.slice(end);
  return null;
}

/** Whether a header line's text gives its hash. */
export function headerTextMatches(text: string, hash: string): boolean {
  const body = without(text, 'hash', hash);
  return body !== null && sha(`${JOURNAL_FORMAT}\n${body}`) === hash;
}

/** Whether an entry line's text gives its hash (chained to `prev`). */
export function entryTextMatches(text: string, prev: string, hash: string): boolean {
  const withoutHash = without(text, 'hash', hash);
  const body = withoutHash === null ? null : without(withoutHash, 'prev', prev);
  return body !== null && sha(`${prev}\n${body}`) === hash;
}

const VIEW = ',"type":"command","view":';

/** Whether a command line's text gives its view's digest (the view is its last field). */
export function viewTextMatches(text: string, digest: string): boolean {
  const at = text.lastIndexOf(VIEW);
  if (at < 0 || !text.endsWith('}')) return false;
  return sha(text.slice(at + VIEW.length, -1)) === digest;
}
