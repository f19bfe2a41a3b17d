/**
 * Appends a journal line by line (synchronously: every line is on disk when the call returns).
 * Each line passes the session's redaction before it is hashed into the chain and written.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { redactSecrets } from '../engine/secrets.ts';
import { chain, sealHeader } from '../journal/journal-chain.ts';
import { canonicalJson } from '../journal/world-digest.ts';
import type { JournalBody, JournalHeader } from '../journal/journal-format.ts';

/** The value with every secret of the session masked (a no-op when it holds none). */
function redacted<T>(value: T): T {
  const text = JSON.stringify(value);
  const clean = redactSecrets(text);
  return clean === text ? value : (JSON.parse(clean) as T);
}

export class JournalWriter {
  #fd: number | null = null;
  #steps = 0;
  #prev = '';

  constructor(readonly file: string) {}

  get started(): boolean {
    return this.#fd !== null;
  }

  /** Commands written so far: the step number of the last one. */
  get steps(): number {
    return this.#steps;
  }

  start(header: Omit<JournalHeader, 'hash'>): void {
    if (this.#fd !== null) return;
    mkdirSync(dirname(this.file), { recursive: true });
    this.#fd = openSync(this.file, 'w', 0o600);
    const sealed = sealHeader(redacted(header));
    this.#prev = sealed.hash;
    // Canonical JSON (sorted keys): a reader checks the hash on the line's own text.
    writeSync(this.#fd, `${canonicalJson(sealed)}\n`);
  }

  /** The next command's step number. */
  nextStep(): number {
    return this.#steps + 1;
  }

  append(body: JournalBody): void {
    if (this.#fd === null) return;
    if (body.type === 'command') this.#steps = body.step;
    const entry = chain(this.#prev, redacted(body));
    this.#prev = entry.hash;
    writeSync(this.#fd, `${canonicalJson(entry)}\n`);
  }

  /** Writes the end line and closes the file. */
  close(t: number): void {
    if (this.#fd === null) return;
    this.append({ type: 'end', steps: this.#steps, t });
    closeSync(this.#fd);
    this.#fd = null;
  }
}
