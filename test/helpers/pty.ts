/** Runs the built tkesim in a pseudo-terminal (node-pty) and reads its screen (@xterm/headless). */
import xterm from '@xterm/headless';
import { spawn as spawnPty, type IPty } from 'node-pty';
import { BIN, type Home } from './cli.ts';

export interface Screen {
  readonly pty: IPty;
  /** Everything the program wrote, raw. */
  output(): string;
  /** The visible screen, as text lines. */
  screen(): string;
  /** Waits until the output written since `from` contains `text` (or matches); returns where the match ends. */
  waitFor(text: string | RegExp, from?: number, timeoutMs?: number): Promise<number>;
  /** Types a line slowly enough for a terminal user, then Enter. */
  typeLine(line: string): Promise<void>;
  mark(): number;
  /** Resizes the terminal (the program gets SIGWINCH; the screen model follows). */
  resize(cols: number, rows: number): void;
  exited: Promise<number>;
  close(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startShell(home: Home, args: string[] = [], cols = 120, rows = 40, extraEnv: NodeJS.ProcessEnv = {}): Screen {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...home.env, ...extraEnv, TERM: 'xterm-256color' })) if (v !== undefined) env[k] = v;
  delete env.CI;
  const pty = spawnPty(process.execPath, [BIN, ...args], { name: 'xterm-256color', cols, rows, env });
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 5000 });
  let raw = '';
  pty.onData((d) => {
    raw += d;
    term.write(d);
  });
  const exited = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  let height = rows;
  const screen = () => {
    const buf = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < height; i++) lines.push(buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  const waitFor = async (text: string | RegExp, from = 0, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    const find = (): number => {
      const chunk = raw.slice(from);
      const plainUpTo = (n: number) => chunk.slice(0, n).replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
      const hit = (n: number) => (typeof text === 'string' ? plainUpTo(n).includes(text) : new RegExp(text.source, text.flags.replace('g', '')).test(plainUpTo(n)));
      if (!hit(chunk.length)) return -1;
      let lo = 0;
      let hi = chunk.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (hit(mid)) hi = mid;
        else lo = mid + 1;
      }
      return from + lo;
    };
    let at = find();
    while (at < 0) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; screen:\n${screen()}`);
      await sleep(25);
      at = find();
    }
    await new Promise<void>((r) => term.write('', r));
    return at;
  };
  return {
    pty,
    output: () => raw,
    screen,
    waitFor,
    mark: () => raw.length,
    resize(c: number, r: number) {
      height = r;
      term.resize(c, r);
      pty.resize(c, r);
    },
    async typeLine(line: string) {
      for (const ch of line) {
        pty.write(ch);
        await sleep(2);
      }
      await sleep(10);
      pty.write('\r');
    },
    exited,
    close: () => {
      try {
        pty.kill();
      } catch { /* already gone */ }
    },
  };
}

/** The replay player's header line (it starts with REPLAY), or "". */
export const replayHeader = (s: Screen): string => s.screen().split('\n').find((l) => l.startsWith('REPLAY')) ?? '';

/** Presses a key in the replay player; waits until its header matches `want`, then until the whole frame has arrived. */
export async function pressInReplay(s: Screen, key: string, want: RegExp): Promise<void> {
  s.pty.write(key);
  const deadline = Date.now() + 10_000;
  while (!want.test(replayHeader(s))) {
    if (Date.now() > deadline) throw new Error(`after ${JSON.stringify(key)}: header is "${replayHeader(s)}", wanted ${String(want)}\n${s.screen()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  for (let last = ''; last !== s.screen();) {
    last = s.screen();
    await new Promise((r) => setTimeout(r, 120));
  }
}
