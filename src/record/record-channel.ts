/**
 * The channel from a tkesim running under `tkesim record` back to the recorder: private OSC
 * sequences in its output, which the recorder removes before the terminal or the .cast sees them.
 * They carry markers (exactly in order with the output) and whether typing may be recorded now.
 */
import type { CastSink } from './cast-writer.ts';

const PREFIX = '\u001b]7770;tkesim;';
const END = '\u0007';
export const CHANNEL_ENV = 'TKESIM_RECORD_CHANNEL';

export type ChannelMessage =
  | { readonly kind: 'marker'; readonly label: string }
  | { readonly kind: 'input'; readonly allowed: boolean }
  /** The line just typed held a secret: the recorder drops its keystrokes. */
  | { readonly kind: 'drop' };

export function encodeMessage(m: ChannelMessage): string {
  switch (m.kind) {
    case 'marker': return `${PREFIX}m;${Buffer.from(m.label, 'utf8').toString('base64')}${END}`;
    case 'input': return `${PREFIX}i;${m.allowed ? 1 : 0}${END}`;
    case 'drop': return `${PREFIX}d;${END}`;
  }
}

function decode(body: string): ChannelMessage | null {
  const [kind, value = ''] = body.split(';');
  if (kind === 'm') return { kind: 'marker', label: Buffer.from(value, 'base64').toString('utf8') };
  if (kind === 'i') return { kind: 'input', allowed: value === '1' };
  if (kind === 'd') return { kind: 'drop' };
  return null;
}

/**
 * Splits a stream of terminal output into plain output and channel messages, in order. A message
 * cut across chunks is held until its end arrives.
 */
export class ChannelParser {
  #pending = '';

  push(chunk: string, onOutput: (text: string) => void, onMessage: (m: ChannelMessage) => void): void {
    let text = this.#pending + chunk;
    this.#pending = '';
    for (;;) {
      const at = text.indexOf(PREFIX);
      if (at < 0) {
        // Hold back a tail that could be the start of a message.
        const keep = partialPrefix(text);
        if (text.length - keep > 0) onOutput(text.slice(0, text.length - keep));
        this.#pending = text.slice(text.length - keep);
        return;
      }
      const end = text.indexOf(END, at + PREFIX.length);
      if (end < 0) {
        if (at > 0) onOutput(text.slice(0, at));
        this.#pending = text.slice(at);
        return;
      }
      if (at > 0) onOutput(text.slice(0, at));
      const m = decode(text.slice(at + PREFIX.length, end));
      if (m) onMessage(m);
      text = text.slice(end + END.length);
    }
  }

  flush(onOutput: (text: string) => void): void {
    if (this.#pending) onOutput(this.#pending);
    this.#pending = '';
  }
}

function partialPrefix(text: string): number {
  for (let n = Math.min(PREFIX.length - 1, text.length); n > 0; n--) if (PREFIX.startsWith(text.slice(text.length - n))) return n;
  return 0;
}

/** The child's side: markers and input permission go out as channel messages; output is the terminal's. */
export class ChannelSink implements CastSink {
  constructor(private readonly write: (text: string) => void) {}
  output(): void {}
  input(): void {}
  resize(): void {}
  marker(label: string): void {
    this.write(encodeMessage({ kind: 'marker', label }));
  }
  inputAllowed(allowed: boolean): void {
    this.write(encodeMessage({ kind: 'input', allowed }));
  }
  dropInput(): void {
    this.write(encodeMessage({ kind: 'drop' }));
  }
  close(): void {
    this.inputAllowed(false);
  }
}
