/**
 * Budgets of issue 5, as functions the bench calls:
 *  - measureSeek(journal): seeking to any step of a journal (the player's lookup and panel model);
 *  - makeLongJournal(path, n): a realistic journal of n commands to seek in;
 *  - measureRecordingLatency(): the shell's keystroke-to-frame latency with and without recording.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PROVISION } from '../../src/core/world.ts';
import { resolvePaths } from '../../src/engine/context.ts';
import { CastWriter } from '../../src/record/cast-writer.ts';
import { DemoRunner } from '../../src/demo/demo-runner.ts';
import type { DemoScript, DemoStep } from '../../src/demo/demo-script.ts';
import { readJournal } from '../../src/journal/journal-chain.ts';
import { recordedReplay } from '../../src/journal/recorded-replay.ts';
import { provisioned } from '../../src/journal/journal-start.ts';
import { Recorder } from '../../src/record/recorder.ts';
import { journalTimeline, seekStep } from '../../src/replay/replay-view.ts';
import { restoreState } from '../../src/journal/state-snapshot.ts';
import { ShellController } from '../../src/shell/controller.ts';
import { shellEngine } from '../../src/shell/engine-adapter.ts';
import { panelLines } from '../../src/shell/panel-layout.ts';
export { measureRecordingLatency } from './typing-latency.ts';

const step = (command: string, ...answers: string[]): DemoStep => ({ title: command, setup: true, narration: [], notes: [], command, answers: answers.map((text) => ({ text })), lines: { heading: 0, command: 0, answers: [] }, expect: null });

/** A ceremony, then rounds of views and rotations with key storage: `n` commands in all. */
export function longSession(n: number): DemoStep[] {
  const pw = 'bench-pw-1';
  const steps = [
    step('cryptounit-add', '1 2'), step('sigkey-add', 'Alice', pw, pw), step('sigkey-sel', '1', pw),
    step('cryptounit-admin-add', '1', pw), step('cryptounit-thrhld-set', '1', '1', pw),
    step('mk-add --random', 'p1', 'k1', 'k1'), step('mk-add --random', 'p2', 'k2', 'k2'),
    step('cryptounit-mk-load', '1 2', pw, 'k1', 'k2'), step('cryptounit-mk-commit', pw), step('cryptounit-mk-setimm', 'y', pw),
    step('sim keys create 20'),
  ];
  for (let round = 0; steps.length < n; round++) {
    const a = 3 + 2 * round;
    steps.push(
      step('cryptounits'), step('cryptounit-compare'), step('sigkeys'), step('cryptounit-thrhlds'), step('cryptounit-admins'),
      step('mk-add --random', `p${a}`, `k${a}`, `k${a}`), step('mk-add --random', `p${a + 1}`, `k${a + 1}`, `k${a + 1}`),
      step('cryptounit-mk-load', `${a} ${a + 1}`, pw, `k${a}`, `k${a + 1}`), step('cryptounit-mk-commit', pw),
      step('cryptounit-mk-rotate', 'y', pw), step('cryptounit-mk'), step('sim keys create 2'),
    );
  }
  return steps.slice(0, n);
}

/** Records a journal of `n` commands (in-process, as the shell would) to `path`. */
export async function makeLongJournal(path: string, n = 500): Promise<void> {
  process.env.TKESIM_SCRYPT_N ??= '1024';
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-bench-journal-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, TKESIM_HOME: join(dir, 'home') };
    delete env.CLOUDTKEFILES;
    delete env.TKESIM_SEED;
    const paths = resolvePaths(env);
    mkdirSync(paths.tkeFiles, { recursive: true });
    const world = { ...DEFAULT_PROVISION, seed: 'bench-long-journal' };
    restoreState(paths, { world: provisioned(world), files: new Map() });
    const controller = new ShellController(shellEngine(env));
    await controller.refresh(null);
    const recorder = new Recorder({ sink: new CastWriter(join(dir, 'long.cast'), { width: 100, height: 30 }), castFile: null, journalFile: path, title: `${n} commands`, env });
    const script: DemoScript = { title: 'long', world, training: new Map(), steps: longSession(n) };
    try {
      await recorder.attach(controller);
      await new DemoRunner(script, controller, paths, { typingMs: 0, sleep: async () => undefined }).start();
    } finally {
      recorder.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SeekFigures {
  readonly steps: number;
  /** Re-executing the journal once, to build the snapshots (not part of a seek). */
  readonly loadSeconds: number;
  readonly maxMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  /** The slowest single seek of all runs (scheduler pauses included). */
  readonly worstSingleMs: number;
  /** Steps whose state differs from the recording (should be 0). */
  readonly diverged: number;
}

/** Seeks to every step of the journal in scrambled orders, timing each: view, panel model, layout. */
export async function measureSeek(journalPath: string, columns = 120): Promise<SeekFigures> {
  const started = process.hrtime.bigint();
  // Opening as the player does: the recorded views, nothing re-executed.
  const replay = recordedReplay(readJournal(readFileSync(journalPath, 'utf8')));
  const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const timeline = journalTimeline(replay, 2);
    const steps = replay.frames.length - 1;
    const order = [...Array(steps + 1).keys()].map((i) => (i * 7919) % (steps + 1));
    const seek = (target: number) => {
      const t0 = process.hrtime.bigint();
      const { panel } = seekStep(replay, timeline, target, 30);
      panelLines(panel, columns);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    for (const target of order) seek(target);
    // Each step three times, in a scrambled order; a step's cost is its median (a lone pause of
    // this shared machine's scheduler is not the seek's), and the worst single seek is kept too.
    const runs = [order, [...order].reverse(), order].map((o) => new Map(o.map((target) => [target, seek(target)])));
    const perStep = order.map((target) => runs.map((r) => r.get(target) ?? NaN).sort((a, b) => a - b)[1] ?? NaN).sort((a, b) => a - b);
    const at = (q: number) => perStep[Math.min(perStep.length - 1, Math.floor(q * perStep.length))] ?? NaN;
    const worst = Math.max(...runs.flatMap((r) => [...r.values()]));
    return { steps, loadSeconds, maxMs: perStep[perStep.length - 1] ?? NaN, medianMs: at(0.5), p95Ms: at(0.95), worstSingleMs: worst, diverged: replay.checked.problems.length };
  } finally {
    // Nothing to remove: the recorded replay has no private world.
  }
}
