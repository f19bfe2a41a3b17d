/**
 * The shell's keystroke-to-frame latency, with and without `--record`: the built tkesim runs in a
 * pseudo-terminal; each key is written when the previous frame has arrived, and timed until the
 * frame showing it arrives. Runs alternate between the two, so drift in the machine hits both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node-pty';

const BIN = fileURLToPath(new URL('../../dist/tkesim.js', import.meta.url));
// No spaces: a trailing space changes no frame (Ink trims it), so it could not be timed.
const LINE = 'cryptounit-compare--help-me-type-this-long-line';

export interface LatencyFigures {
  readonly plainMs: number;
  readonly recordingMs: number;
  /** recording / plain, medians. */
  readonly ratio: number;
  readonly keys: number;
}

const median = (v: readonly number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};

/** One shell session: the time from each key to the frame that shows the line typed so far. */
async function session(record: boolean): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-bench-typing-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, TKESIM_HOME: join(dir, 'home'), FORCE_COLOR: '0', TERM: 'xterm-256color' })) if (v !== undefined) env[k] = v;
  for (const k of ['CI', 'CLOUDTKEFILES', 'TKESIM_SEED']) delete env[k];
  const args = record ? [BIN, '--record', join(dir, 'typing')] : [BIN];
  const pty = spawn(process.execPath, args, { name: 'xterm-256color', cols: 120, rows: 40, env });
  const exited = new Promise<void>((r) => pty.onExit(() => r()));
  let out = '';
  let waiter: { text: string; resolve: () => void } | null = null;
  pty.onData((d) => {
    out += d;
    if (waiter && out.includes(waiter.text)) {
      const w = waiter;
      waiter = null;
      w.resolve();
    }
  });
  const until = (text: string, ms = 20_000) => new Promise<void>((resolve, reject) => {
    if (out.includes(text)) return resolve();
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${ms} ms`)), ms);
    waiter = { text, resolve: () => { clearTimeout(timer); resolve(); } };
  });
  try {
    await until('tkesim>');
    await new Promise((r) => setTimeout(r, 300));
    const times: number[] = [];
    for (let i = 1; i <= LINE.length; i++) {
      out = '';
      const t0 = process.hrtime.bigint();
      pty.write(LINE[i - 1] ?? '');
      await until(`tkesim> ${LINE.slice(0, i)}`);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    pty.write('\u0015exit\r');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    return times;
  } finally {
    try {
      pty.kill();
    } catch { /* gone */ }
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureRecordingLatency(rounds = 4): Promise<LatencyFigures> {
  const plain: number[] = [];
  const recording: number[] = [];
  await session(false);
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      plain.push(...(await session(false)));
      recording.push(...(await session(true)));
    } else {
      recording.push(...(await session(true)));
      plain.push(...(await session(false)));
    }
  }
  const p = median(plain);
  const r = median(recording);
  return { plainMs: p, recordingMs: r, ratio: r / p, keys: plain.length };
}
