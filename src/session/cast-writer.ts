/**
 * Writes an asciicast v2 file as events happen: one synchronous append per event, so a crash
 * loses nothing and the file is valid at every moment. Times come from a monotonic clock.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { CastCode } from './cast-format.ts';

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

  #event(code: CastCode, data: string): void {
    if (this.#closed || data === '') return;
    // Rounded to microseconds, and never before the previous event.
    const t = Math.max(this.#last, Math.round(this.#clock() * 1e6) / 1e6);
    this.#last = t;
    writeSync(this.#fd, `${JSON.stringify([t, code, data])}\n`);
  }

  output(data: string | Uint8Array): void {
    this.#event('o', typeof data === 'string' ? data : this.#out.write(Buffer.from(data)));
  }

  input(data: string | Uint8Array): void {
    this.#event('i', typeof data === 'string' ? data : this.#in.write(Buffer.from(data)));
  }

  marker(label: string): void {
    this.#event('m', label);
  }

  resize(cols: number, rows: number): void {
    this.#event('r', `${cols}x${rows}`);
  }

  close(): void {
    if (this.#closed) return;
    this.#event('o', this.#out.end());
    this.#closed = true;
    closeSync(this.#fd);
  }
}
