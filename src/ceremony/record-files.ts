/**
 * Writing the ceremony record beside the recording of the run: NAME.md, NAME.html, and NAME.sha256
 * with the SHA-256 of the Markdown as written, in hex and in PGP words (to be read aloud and matched
 * against a printed copy). Every text passes the session's redaction first.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { redactSecrets } from '../engine/secrets.ts';
import { pgpWords, wordLines } from './pgp-words.ts';
import { renderHtml } from './record-html.ts';
import { renderMarkdown } from './record-markdown.ts';
import type { CeremonyRecord } from './record-model.ts';

export interface WrittenRecord {
  readonly markdown: string;
  readonly html: string;
  readonly sha256File: string;
  readonly hex: string;
  readonly words: readonly string[];
}

export function recordDigest(bytes: Uint8Array): { readonly hex: string; readonly words: string[] } {
  const digest = createHash('sha256').update(bytes).digest();
  return { hex: digest.toString('hex'), words: pgpWords(digest) };
}

/** The .sha256 file: a sha256sum line, then the same hash as PGP words on comment lines. */
export function sha256Text(hex: string, words: readonly string[], file: string): string {
  return [`${hex}  ${file}`, ...wordLines(words).map((l) => `# ${l}`), ''].join('\n');
}

export function writeRecord(record: CeremonyRecord, base: string): WrittenRecord {
  const files = { markdown: `${base}.md`, html: `${base}.html`, sha256File: `${base}.sha256` };
  mkdirSync(dirname(base), { recursive: true });
  const md = Buffer.from(redactSecrets(renderMarkdown(record)), 'utf8');
  writeFileSync(files.markdown, md, { mode: 0o600 });
  writeFileSync(files.html, redactSecrets(renderHtml(record)), { mode: 0o600 });
  const { hex, words } = recordDigest(md);
  writeFileSync(files.sha256File, sha256Text(hex, words, basename(files.markdown)), { mode: 0o600 });
  return { ...files, hex, words };
}

/** What tkesim prints at the end: the files, and the hash to read aloud. */
export function digestLines(w: WrittenRecord): string[] {
  return [
    `Ceremony record: ${w.markdown}`,
    `                 ${w.html}`,
    `SHA-256 of ${basename(w.markdown)} (also in ${basename(w.sha256File)}):`,
    `  ${w.hex}`,
    ...wordLines(w.words).map((l) => `  ${l}`),
  ];
}
