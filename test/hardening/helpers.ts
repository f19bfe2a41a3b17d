/**
 * Shared by the hardening tests: the built one-shot binary run asynchronously (optionally killed
 * with SIGKILL after a delay), a pool that keeps a few of them running at once, and the checks
 * every run must pass (a clear OK or FAILED, never a crash).
 */
import { spawn } from 'node:child_process';
import { BIN, tkesimEnv } from '../store/helpers.ts';

export interface Outcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when this run was killed by the test (not merely scheduled to be). */
  readonly killed: boolean;
  readonly ms: number;
}

export interface RunOptions {
  readonly input?: string;
  /** SIGKILL the process this many milliseconds after spawning it (unless it has ended). */
  readonly killAfterMs?: number;
  readonly env?: Record<string, string>;
  readonly timeoutMs?: number;
}

/** Runs `node <private copy of dist/tkesim.js> ...args` once. */
export function run(home: string, args: readonly string[], options: RunOptions = {}): Promise<Outcome> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...tkesimEnv(home), ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const kill = options.killAfterMs === undefined ? null : setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, options.killAfterMs);
    const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.stdin.on('error', () => undefined); // a process killed before reading its input
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (kill) clearTimeout(kill);
      clearTimeout(timeout);
      done({ code, signal, stdout, stderr, killed: killed && signal === 'SIGKILL', ms: Date.now() - started });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs `jobs` with at most `lanes` at a time, in order within each lane; results in job order. */
export async function pool<T>(count: number, lanes: number, job: (index: number, lane: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  await Promise.all(Array.from({ length: lanes }, async (_, lane) => {
    while (next < count) {
      const i = next++;
      results[i] = await job(i, lane);
    }
  }));
  return results;
}

export const reportedOk = (o: Outcome): boolean => o.code === 0 && /^OK$/m.test(o.stdout);

/**
 * Why a run that was not killed is not a clean ending, or null: it must exit 0, or 1 with
 * FAILED followed by a sentence (or a cancellation's sentence); never exit 70, a stack trace or an internal error.
 */
export function unclean(o: Outcome): string | null {
  const all = o.stdout + o.stderr;
  if (/internal error|\n\s+at .+:\d+:\d+\)?\n|TypeError|ReferenceError|RangeError|SyntaxError/.test(all)) return `a crash or stack trace (exit ${o.code})`;
  if (o.signal) return `ended by ${o.signal}`;
  if (o.code === 0) return null; // list commands print no OK, as in the real CLI

  if (o.code === 1) {
    const sentence = (s: string | undefined) => s !== undefined && /[A-Za-z].*[.!?)]\s*$/.test(s.trim());
    const m = /^FAILED\n(.+)/m.exec(o.stdout);
    if (m) return sentence(m[1]) ? null : 'FAILED without a sentence';
    // A cancelled dialog (answered N, or no answer): exit 1 and a sentence saying nothing changed.
    const last = o.stdout.trimEnd().split('\n').pop();
    return sentence(last) ? null : 'exit 1 without FAILED or a sentence';
  }
  return `exit ${o.code}`;
}

export const describe = (o: Outcome): string => `exit ${o.code} signal ${o.signal}\n${o.stdout.slice(-800)}\n${o.stderr.slice(-800)}`;
