/**
 * Taps this process's terminal for a recording: every write to stdout (what the terminal shows),
 * every resize, and, only when asked and only while `inputAllowed()` says so, what is typed.
 * `untap()` puts the streams back exactly as they were.
 */
import { redactSecrets } from '../engine/secrets.ts';
import type { CastSink } from './cast-writer.ts';

export interface TapOptions {
  readonly stdout: NodeJS.WriteStream;
  readonly stdin?: NodeJS.ReadStream;
  /** Record keystrokes ("i" events): only when asked for. */
  readonly recordInput?: boolean;
  /** Whether typing may be recorded now: never while a secret is being typed. */
  readonly inputAllowed?: () => boolean;
}

type Write = NodeJS.WriteStream['write'];
type Read = NodeJS.ReadStream['read'];

export function tapTerminal(sink: CastSink, options: TapOptions): () => void {
  const { stdout, stdin } = options;
  const originalWrite: Write = stdout.write;
  const tappedWrite = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) sink.output(chunk);
    return (originalWrite as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  };
  stdout.write = tappedWrite as Write;
  const onResize = () => sink.resize(stdout.columns || 80, stdout.rows || 24);
  stdout.on('resize', onResize);

  let originalRead: Read | null = null;
  if (options.recordInput && stdin) {
    const read: Read = stdin.read;
    originalRead = read;
    const allowed = options.inputAllowed ?? (() => false);
    // Ink reads keys with stdin.read() on 'readable'; tapping read() leaves its flow untouched.
    stdin.read = function (this: NodeJS.ReadStream, size?: number) {
      const chunk: unknown = read.call(this, size);
      if ((typeof chunk === 'string' || chunk instanceof Uint8Array) && allowed()) sink.input(chunk);
      return chunk;
    } as Read;
  }

  return () => {
    if (stdout.write === tappedWrite) stdout.write = originalWrite;
    stdout.off('resize', onResize);
    if (stdin && originalRead) stdin.read = originalRead;
  };
}

/**
 * Masks the session's secrets in everything this process writes to its terminal (under
 * `tkesim record`, that terminal is the recording). Returns the function that undoes it.
 */
export function redactTerminal(stdout: NodeJS.WriteStream): () => void {
  const originalWrite: Write = stdout.write;
  const redacting = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
    const text = typeof chunk === 'string' ? redactSecrets(chunk) : chunk instanceof Uint8Array ? redactSecrets(Buffer.from(chunk).toString('utf8')) : chunk;
    return (originalWrite as (...a: unknown[]) => boolean).call(this, text, ...rest);
  };
  stdout.write = redacting as Write;
  return () => {
    if (stdout.write === redacting) stdout.write = originalWrite;
  };
}
