/** Appends a journal line by line (synchronously: every line is on disk when the call returns). */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JournalEntry, JournalHeader } from './journal-format.ts';

export class JournalWriter {
  #fd: number | null = null;
  #steps = 0;

  constructor(readonly file: string) {}

  get started(): boolean {
    return this.#fd !== null;
  }

  /** Commands written so far: the step number of the last one. */
  get steps(): number {
    return this.#steps;
  }

  start(header: JournalHeader): void {
    if (this.#fd !== null) return;
    mkdirSync(dirname(this.file), { recursive: true });
    this.#fd = openSync(this.file, 'w', 0o600);
    writeSync(this.#fd, `${JSON.stringify(header)}\n`);
  }

  /** The next command's step number. */
  nextStep(): number {
    return this.#steps + 1;
  }

  append(entry: JournalEntry): void {
    if (this.#fd === null) return;
    if (entry.type === 'command') this.#steps = entry.step;
    writeSync(this.#fd, `${JSON.stringify(entry)}\n`);
  }

  close(): void {
    if (this.#fd === null) return;
    closeSync(this.#fd);
    this.#fd = null;
  }
}
