/**
 * Budgets of the instructor's issue, as functions the bench calls:
 *  - measureJournalOpen(journal): `tkesim replay` of a long journal in a pseudo-terminal, from spawn
 *    to the player's first frame (the recorded views are read; nothing is re-executed), and the
 *    same opening in-process (read, hash chain checked, frames built, first frame laid out);
 *  - measureReports(n): `tkesim report` over n copies of the shipped key-part ceremony recording.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node-pty';
import { readJournal } from '../../src/journal/journal-chain.ts';
import { recordedReplay } from '../../src/journal/recorded-replay.ts';
import { journalTimeline, seekStep } from '../../src/replay/replay-view.ts';
import { panelLines } from '../../src/shell/panel-layout.ts';
import { BIN, ROOT, median, timed } from './tkesim.ts';

const now = () => Number(process.hrtime.bigint()) / 1e6;

function ptyEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && k !== 'CI') out[k] = v;
  out.TERM = 'xterm-256color';
  return out;
}

/** Milliseconds from spawning tkesim with `args` in a pty until its output shows `marker` (then it is killed). */
function timeToOutput(args: readonly string[], env: NodeJS.ProcessEnv, marker: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = now();
    const pty = spawn(process.execPath, [BIN, ...args], { cols: 120, rows: 40, env: ptyEnv(env) });
    let out = '';
    const timer = setTimeout(() => {
      pty.kill();
      reject(new Error(`no ${String(marker)} within 30 s`));
    }, 30_000);
    pty.onData((d) => {
      out += d;
      if (marker.test(out.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, ''))) {
        const ms = now() - start;
        clearTimeout(timer);
        pty.kill();
        resolve(ms);
      }
    });
  });
}

export interface OpenFigures {
  readonly steps: number;
  /** Median seconds from spawn to the player's first frame, in a pty. */
  readonly firstFrame: number;
  /** Median seconds to open in-process: read, check the chain, build the frames, lay out the last step's panel. */
  readonly inProcess: number;
  readonly runs: number;
}

export async function measureJournalOpen(journal: string, env: NodeJS.ProcessEnv, runs = 7): Promise<OpenFigures> {
  const inProcess: number[] = [];
  let steps = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    const replay = recordedReplay(readJournal(readFileSync(journal, 'utf8')));
    const timeline = journalTimeline(replay, 2);
    panelLines(seekStep(replay, timeline, replay.frames.length - 1, 30).panel, 120);
    inProcess.push((now() - t0) / 1000);
    steps = replay.frames.length - 1;
  }
  // The header carries the step count once the first frame is drawn: `step 0/500` (or further).
  const frame = new RegExp(`REPLAY .* · step \\d+/${steps}`);
  await timeToOutput(['replay', journal, '--speed', '0.25'], env, frame);
  const firstFrame: number[] = [];
  for (let i = 0; i < runs; i++) firstFrame.push((await timeToOutput(['replay', journal, '--speed', '0.25'], env, frame)) / 1000);
  return { steps, firstFrame: median(firstFrame), inProcess: median(inProcess), runs };
}

export interface ReportFigures {
  readonly recordings: number;
  /** Median seconds of `tkesim report DIR` over the recordings. */
  readonly seconds: number;
  readonly rows: number;
  readonly runs: number;
}

export function measureReports(env: NodeJS.ProcessEnv, recordings = 30, runs = 5): ReportFigures {
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-bench-reports-'));
  try {
    const source = join(ROOT, 'sessions', 'key-part-init.journal.jsonl');
    for (let i = 0; i < recordings; i++) copyFileSync(source, join(dir, `trainee-${String(i + 1).padStart(2, '0')}.journal.jsonl`));
    timed(process.execPath, [BIN, 'report', dir], env);
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const r = timed(process.execPath, [BIN, 'report', dir], env);
      if (r.status !== 0) throw new Error(`tkesim report exited ${r.status}: ${r.stderr.trim()}`);
      rows = r.stdout.split('\n').filter((l) => /^\| .* \| `.*trainee-\d+\.journal\.jsonl` \|$/.test(l)).length;
      times.push(r.seconds);
    }
    return { recordings, seconds: median(times), rows, runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
