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

/** Reads one line from a terminal in raw mode: echo (or not), backspace, Ctrl-C / Ctrl-D cancel. */
function readTerminalLine(input: RawInput, output: Writable, echo: boolean): Promise<string | null> {
  return new Promise((resolve) => {
    let line = '';
    input.setRawMode?.(true);
    input.setEncoding('utf8');
    input.resume();
    const done = (value: string | null) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(line);
        if (ch === '\u0003') return done(null);
        if (ch === '\u0004') {
          if (line === '') return done(null);
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
    };
    input.on('data', onData);
  });
}

export function terminalIo(input: RawInput, output: Writable): Io {
  const lines = input.isTTY ? null : new LineSource(input);
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
      return readTerminalLine(input, output, q.kind !== 'secret');
    },
  };
}
