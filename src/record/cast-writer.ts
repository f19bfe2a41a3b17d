/**
 * Writes an asciicast v2 file as events happen: one synchronous append per event, so a crash
 * loses nothing and the file is valid at every moment. Times come from a monotonic clock.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { redactSecrets } from '../engine/secrets.ts';
import type { CastCode } from '../journal/cast-format.ts';

export interface CastOptions {
  readonly width: number;
  readonly height: number;
  readonly title?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Seconds since the epoch (the header's `timestamp`); default now. */
  readonly timestamp?: number;
  /** The clock in seconds (tests pass a fake one); default a monotonic clock from zero. */
  readonly clock?: () => number;
}

/** A place markers and output go: a .cast file, or a channel to a parent recorder. */
export interface CastSink {
  output(data: string | Uint8Array): void;
  input(data: string | Uint8Array): void;
  marker(label: string): void;
  resize(cols: number, rows: number): void;
  /** Whether typing may be recorded from now on (a channel passes it to its recorder). */
  inputAllowed?(allowed: boolean): void;
  /** The line just typed held a secret: its keystrokes must not be recorded. */
  dropInput?(): void;
  close(): void;
}

export function monotonicClock(): () => number {
  const start = process.hrtime.bigint();
  return () => Number(process.hrtime.bigint() - start) / 1e9;
}

export class CastWriter implements CastSink {
  readonly #fd: number;
  readonly #clock: () => number;
  readonly #out = new StringDecoder('utf8');
  readonly #in = new StringDecoder('utf8');
  #last = 0;
  #closed = false;
  /** Keystrokes of the line being typed, and a finished line held until the program answers it. */
  #typing = '';
  #typed: { readonly data: string; readonly t: number } | null = null;

  constructor(readonly file: string, options: CastOptions) {
    mkdirSync(dirname(file), { recursive: true });
    this.#fd = openSync(file, 'w', 0o600);
    this.#clock = options.clock ?? monotonicClock();
    const header = {
      version: 2,
      width: options.width,
      height: options.height,
      timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
      ...(options.title ? { title: options.title } : {}),
      env: { TERM: options.env?.TERM ?? 'xterm-256color', SHELL: options.env?.SHELL ?? '/bin/sh' },
    };
    writeSync(this.#fd, `${JSON.stringify(header)}\n`);
  }

  #now(): number {
    // Rounded to microseconds, and never before the previous event.
    const t = Math.max(this.#last, Math.round(this.#clock() * 1e6) / 1e6);
    this.#last = t;
    return t;
  }

  /** Every event's text passes the session's redaction: no secret reaches the file. */
  #event(code: CastCode, data: string, at?: number): void {
    if (this.#closed || data === '') return;
    const t = at ?? this.#now();
    writeSync(this.#fd, `${JSON.stringify([t, code, redactSecrets(data)])}\n`);
  }

  #flushTyped(): void {
    const typed = this.#typed;
    this.#typed = null;
    if (typed) this.#event('i', typed.data, typed.t);
  }

  output(data: string | Uint8Array): void {
    // The program has seen the line typed before this output: it is kept unless dropped by now.
    this.#flushTyped();
    this.#event('o', typeof data === 'string' ? data : this.#out.write(Buffer.from(data)));
  }

  /**
   * Keystrokes are written a line at a time (so that redaction sees whole lines), once the program
   * has answered the line: `dropInput` before its next output discards a line that was a secret.
   */
  input(data: string | Uint8Array): void {
    const text = typeof data === 'string' ? data : this.#in.write(Buffer.from(data));
    const end = text.search(/[\r\n]/);
    if (end < 0) {
      this.#typing += text;
      return;
    }
    this.#flushTyped();
    this.#typed = { data: this.#typing + text.slice(0, end + 1), t: this.#now() };
    this.#typing = '';
    const rest = text.slice(end + 1);
    if (rest !== '') this.input(rest);
  }

  dropInput(): void {
    this.#typed = null;
    this.#typing = '';
  }

  marker(label: string): void {
    this.#event('m', label);
  }

  resize(cols: number, rows: number): void {
    this.#event('r', `${cols}x${rows}`);
  }

  close(): void {
    if (this.#closed) return;
    this.#flushTyped();
    this.#event('o', this.#out.end());
    this.#closed = true;
    closeSync(this.#fd);
  }
}
