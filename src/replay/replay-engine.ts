/**
 * Re-executes a journal on a private copy of its start state and keeps the state after every step:
 * what take-over continues from, and what `replay --verify` and the golden tests compare with the
 * recorded views. A seeded fresh start is provisioned again; any other start continues on stand-in
 * secrets (its digests then differ, and say so). Players never need this: they show the views.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePaths, type Paths } from '../engine/context.ts';
import { shellEngine } from '../shell/engine-adapter.ts';
import { journalOutcome, type Journal, type JournalCommand, type JournalStart, type StateView, type TranscriptItem } from '../journal/journal-format.ts';
import { provisioned } from '../journal/journal-start.ts';
import { replayDialog } from './replay-io.ts';
import { secretSupply, type SecretSupply } from './secret-supply.ts';
import { standInState, type StandInFile } from '../journal/stand-in-state.ts';
import { captureState, restoreState, shareWith, type StateSnapshot } from '../journal/state-snapshot.ts';
import { stateView, viewDigest } from '../journal/state-view.ts';

export interface Frame {
  /** 0 is the start; then one per command or rewind, in journal order. */
  readonly index: number;
  readonly kind: 'start' | 'command' | 'rewind' | 'restart';
  /** The journal's step number of the command that made this state (0: the start). */
  readonly step: number;
  readonly label: string;
  readonly items: readonly TranscriptItem[];
  readonly state: StateSnapshot;
  readonly view: StateView;
  readonly selection: { readonly units: readonly string[]; readonly signatureKeyNames: readonly string[] };
  readonly digest: string;
  /** The journal's digest for a command (null for the start and rewinds). */
  readonly recorded: string | null;
  readonly start: number;
  readonly end: number;
  /** Why this frame may not be what the recording showed (empty when it matches). */
  readonly problems: readonly string[];
}

export interface Replay {
  readonly journal: Journal;
  readonly frames: readonly Frame[];
  readonly secrets: SecretSupply;
  /** Files made with stand-in passwords for a start whose secrets the journal does not hold. */
  readonly standInFiles: readonly StandInFile[];
  /** Frames whose digest differs from the recording's. */
  readonly diverged: readonly number[];
  /** Where the replay's private world lives (removed by `dispose`). */
  readonly dir: string;
  dispose(): void;
}

export interface ReplayOptions {
  readonly env: NodeJS.ProcessEnv;
  /** A demo's training values, by name. */
  readonly training?: ReadonlyMap<string, string>;
  /** Secrets the viewer typed, by slot. */
  readonly secrets?: ReadonlyMap<number, string>;
  readonly onProgress?: (done: number, total: number) => void;
  /** Stop after the command with this step number (take-over needs no more). */
  readonly uptoStep?: number;
}

/** The environment a replay runs commands with: its own home, the recording's TKESIM_SEED. */
export function replayEnv(env: NodeJS.ProcessEnv, home: string, envSeed: string | null): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, TKESIM_HOME: home };
  delete out.CLOUDTKEFILES;
  delete out.TKESIM_WIRE_LOG;
  if (envSeed) out.TKESIM_SEED = envSeed;
  else delete out.TKESIM_SEED;
  return out;
}

async function startState(start: JournalStart): Promise<{ readonly state: StateSnapshot; readonly files: readonly StandInFile[] }> {
  if (start.kind === 'provision') return { state: { world: provisioned(start.options), files: new Map() }, files: [] };
  return standInState(start.view);
}

export async function loadReplay(journal: Journal, options: ReplayOptions): Promise<Replay> {
  // The replay's workstation files are throw-away: a cheap key derivation keeps loading fast.
  process.env.TKESIM_SCRYPT_N ??= '1024';
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-replay-'));
  const env = replayEnv(options.env, dir, journal.header.envSeed);
  const paths: Paths = resolvePaths(env);
  mkdirSync(paths.tkeFiles, { recursive: true, mode: 0o700 });
  const engine = shellEngine(env);
  const secrets = secretSupply(journal, options.training, options.secrets);
  const frames: Frame[] = [];
  const byStep = new Map<number, Frame>();
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  const standInFiles: StandInFile[] = [];
  try {
    const begin = await startState(journal.header.start);
    standInFiles.push(...begin.files);
    restoreState(paths, begin.state);
    const first = await snapshotFrame(engine, paths, null, { index: 0, kind: 'start', step: 0, label: 'start', items: [], recorded: null, start: 0, end: 0, problems: [] });
    frames.push(first);
    byStep.set(0, first);
    let pending: TranscriptItem[] = [];
    const total = journal.entries.length;
    for (const [i, entry] of journal.entries.entries()) {
      const previous = frames[frames.length - 1] ?? first;
      const index = frames.length;
      if (entry.type === 'marker') {
        pending.push({ text: `── ${entry.kind === 'lesson-step' ? 'lesson: ' : entry.kind === 'demo-step' ? 'demo: ' : ''}${entry.label} ──`, tone: 'muted', time: entry.t });
      } else if (entry.type === 'rewind') {
        const target = byStep.get(entry.to) ?? first;
        restoreState(paths, target.state);
        const items = [...pending, { text: `(back to step ${entry.to}: the world is as it was after it)`, tone: 'muted' as const, time: entry.t }];
        frames.push({ ...target, index, kind: 'rewind', label: `back to step ${entry.to}`, items, recorded: null, start: entry.t, end: entry.t, problems: [] });
        pending = [];
      } else if (entry.type === 'end') {
        continue;
      } else if (entry.type === 'restart') {
        const next = await startState(entry.start);
        standInFiles.push(...next.files);
        restoreState(paths, next.state);
        const items = [...pending, { text: '(the session went on in another world, for example a new lesson)', tone: 'muted' as const, time: entry.t }];
        frames.push(await snapshotFrame(engine, paths, previous, { index, kind: 'restart', step: previous.step, label: 'another world', items, recorded: null, start: entry.t, end: entry.t, problems: [] }));
        pending = [];
      } else {
        const frame = await runCommand(engine, paths, previous, entry, secrets, index, pending);
        frames.push(frame);
        byStep.set(entry.step, frame);
        pending = [];
        if (options.uptoStep !== undefined && entry.step >= options.uptoStep) break;
      }
      options.onProgress?.(i + 1, total);
    }
  } catch (e) {
    dispose();
    throw e;
  }
  const diverged = frames.filter((f) => f.recorded !== null && f.recorded !== f.digest).map((f) => f.index);
  return { journal, frames, secrets, standInFiles, diverged, dir, dispose };
}

type Engine = ReturnType<typeof shellEngine>;

async function runCommand(engine: Engine, paths: Paths, previous: Frame, entry: JournalCommand, secrets: SecretSupply, index: number, pending: TranscriptItem[]): Promise<Frame> {
  const dialog = replayDialog(entry, secrets);
  let outcome = null;
  let error: unknown;
  try {
    outcome = await engine.run(entry.line, dialog.io);
  } catch (e) {
    error = e;
    dialog.items.push({ text: `FAILED\nInternal error: ${e instanceof Error ? e.message : String(e)}`, tone: 'error', time: entry.end });
  }
  const problems = [...dialog.mismatches];
  const status = journalOutcome(outcome, error).status;
  if (status !== entry.outcome.status) problems.push(`it ended ${status}; the recording ended ${entry.outcome.status}`);
  return snapshotFrame(engine, paths, previous, {
    index, kind: 'command', step: entry.step, label: entry.line, items: [...pending, ...dialog.items], recorded: entry.digest, start: entry.t, end: entry.end, problems,
  });
}

async function snapshotFrame(engine: Engine, paths: Paths, previous: Frame | null, f: Omit<Frame, 'state' | 'view' | 'selection' | 'digest'>): Promise<Frame> {
  const state = shareWith(previous?.state ?? null, await captureState(paths));
  const view = await stateView(engine);
  const digest = viewDigest(view);
  const problems = f.recorded !== null && f.recorded !== digest ? [...f.problems, 'the state differs from the recording (digest mismatch)'] : f.problems;
  return { ...f, state, view, selection: view.selection, digest, problems };
}
