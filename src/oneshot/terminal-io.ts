/**
 * One-shot dialogs in a terminal, or from standard input one answer per line when it is not a
 * terminal. Prompts end with a newline and the `> ` marker, as in the real CLI; secrets are never
 * echoed.
 */
import type { Readable, Writable } from 'node:stream';
import { INPUT_MARKER, type Io, type Question } from '../engine/io.ts';

/** Reads lines from a non-terminal stream on demand; null at end of input. */
export class LineSource {
  #buffer = '';
  #ended = false;
  #waiters: (() => void)[] = [];

  constructor(stream: Readable) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      this.#buffer += chunk;
      this.#wake();
    });
    stream.on('end', () => {
      this.#ended = true;
      this.#wake();
    });
    stream.on('error', () => {
      this.#ended = true;
      this.#wake();
    });
    stream.pause();
    this.stream = stream;
  }

  readonly stream: Readable;

  #wake(): void {
    for (const w of this.#waiters.splice(0)) w();
  }

  async next(): Promise<string | null> {
    for (;;) {
      const nl = this.#buffer.indexOf('\n');
      if (nl >= 0) {
        const line = this.#buffer.slice(0, nl).replace(/\r$/, '');
        this.#buffer = this.#buffer.slice(nl + 1);
        if (!this.#buffer.includes('\n')) this.stream.pause();
        return line;
      }
      if (this.#ended) {
        if (this.#buffer === '') return null;
        const last = this.#buffer;
        this.#buffer = '';
        return last;
      }
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        this.stream.resume();
      });
    }
  }
}

interface RawInput extends Readable {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/**
 * A terminal's keystrokes, read without echo from the moment it is created: answers typed ahead
 * (before their prompt appears, as scripts do) are kept in order, never echoed by the terminal, and
 * each is taken by the prompt it was meant for. Several answers in one read are all kept.
 */
class TerminalKeys {
  #pending = '';
  #waiter: (() => void) | null = null;
  #restored = false;

  constructor(private readonly input: RawInput) {
    input.setRawMode?.(true);
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      this.#pending += chunk;
      // Ctrl-C while nothing is asked: stop, as the terminal would have.
      if (this.#waiter === null && chunk.includes('\u0003')) {
        this.restore();
        process.exit(130);
      }
      this.#waiter?.();
    });
    input.resume();
    process.once('exit', () => this.restore());
  }

  restore(): void {
    if (this.#restored) return;
    this.#restored = true;
    this.input.setRawMode?.(false);
    this.input.pause();
  }

  /** Reads one line: echo (or not), backspace, Ctrl-U, Ctrl-C / Ctrl-D cancel. */
  async line(output: Writable, echo: boolean): Promise<string | null> {
    let line = '';
    for (;;) {
      while (this.#pending !== '') {
        const [ch = ''] = this.#pending;
        this.#pending = this.#pending.slice(ch.length);
        if (ch === '\r' || ch === '\n') {
          if (ch === '\r' && this.#pending.startsWith('\n')) this.#pending = this.#pending.slice(1);
          output.write('\n');
          return line;
        }
        if (ch === '\u0003') {
          output.write('\n');
          return null;
        }
        if (ch === '\u0004') {
          if (line === '') {
            output.write('\n');
            return null;
          }
          continue;
        }
        if (ch === '\u007f' || ch === '\b') {
          if (line.length > 0) {
            line = [...line].slice(0, -1).join('');
            if (echo) output.write('\b \b');
          }
          continue;
        }
        if (ch === '\u0015') {
          if (echo) output.write('\b \b'.repeat([...line].length));
          line = '';
          continue;
        }
        if (ch < ' ' || ch === '\u001b') continue;
        line += ch;
        if (echo) output.write(ch);
      }
      await new Promise<void>((resolve) => (this.#waiter = resolve));
      this.#waiter = null;
    }
  }
}

export function terminalIo(input: RawInput, output: Writable): Io & { close(): void } {
  const lines = input.isTTY ? null : new LineSource(input);
  const keys = input.isTTY ? new TerminalKeys(input) : null;
  return {
    print(text) {
      output.write(`${text}\n`);
    },
    async ask(q: Question) {
      output.write(`${q.prompt}\n${INPUT_MARKER}`);
      if (lines) {
        const answer = await lines.next();
        output.write('\n');
        return answer;
      }
      return keys ? keys.line(output, q.kind !== 'secret') : null;
    },
    close() {
      keys?.restore();
    },
  };
}
