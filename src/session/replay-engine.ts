/**
 * Re-executes a journal on a private copy of its start world and keeps the state after every step
 * (frame), so that seeking to any step is a lookup. Each command's digest is checked against the
 * recorded one; a difference is reported, never hidden.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePaths, type Paths } from '../engine/context.ts';
import { shellEngine } from '../shell/engine-adapter.ts';
import { WorldStore } from '../store/store.ts';
import type { Journal, JournalCommand, JournalStart } from './journal-format.ts';
import { provisioned, reseeded } from './journal-start.ts';
import { journalOutcome } from './recording-engine.ts';
import { replayDialog, type TranscriptItem } from './replay-io.ts';
import { secretSupply, type SecretSupply } from './secret-supply.ts';
import { captureState, filesFromBase64, restoreState, shareWith, type StateSnapshot } from './state-snapshot.ts';
import { digestOf } from './world-digest.ts';

export interface Frame {
  /** 0 is the start; then one per command or rewind, in journal order. */
  readonly index: number;
  readonly kind: 'start' | 'command' | 'rewind' | 'restart';
  /** The journal's step number of the command that made this state (0: the start). */
  readonly step: number;
  readonly label: string;
  readonly items: readonly TranscriptItem[];
  readonly state: StateSnapshot;
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

function startState(start: JournalStart): StateSnapshot {
  return start.kind === 'provision'
    ? { world: provisioned(start.options), files: new Map() }
    : { world: start.world, files: filesFromBase64(start.files) };
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
  try {
    restoreState(paths, startState(journal.header.start));
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
      } else if (entry.type === 'restart') {
        restoreState(paths, startState(entry.start));
        const items = [...pending, { text: '(the session went on in another world, for example a new lesson)', tone: 'muted' as const, time: entry.t }];
        frames.push(await snapshotFrame(engine, paths, previous, { index, kind: 'restart', step: previous.step, label: 'another world', items, recorded: null, start: entry.t, end: entry.t, problems: [] }));
        pending = [];
      } else {
        const frame = await runCommand(engine, paths, previous, entry, secrets, index, pending);
        frames.push(frame);
        byStep.set(entry.step, frame);
        pending = [];
      }
      options.onProgress?.(i + 1, total);
    }
  } catch (e) {
    dispose();
    throw e;
  }
  const diverged = frames.filter((f) => f.recorded !== null && f.recorded !== f.digest).map((f) => f.index);
  return { journal, frames, secrets, diverged, dir, dispose };
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
  const reseed = entry.reseed;
  if (reseed) await new WorldStore(paths.home).update((doc) => ({ world: doc ? reseeded(doc.world, reseed) : null, result: null }));
  const problems = [...dialog.mismatches];
  const status = journalOutcome(outcome, error).status;
  if (status !== entry.outcome.status) problems.push(`it ended ${status}; the recording ended ${entry.outcome.status}`);
  return snapshotFrame(engine, paths, previous, {
    index, kind: 'command', step: entry.step, label: entry.line, items: [...pending, ...dialog.items], recorded: entry.digest, start: entry.t, end: entry.end, problems,
  });
}

async function snapshotFrame(engine: Engine, paths: Paths, previous: Frame | null, f: Omit<Frame, 'state' | 'selection' | 'digest'>): Promise<Frame> {
  const state = shareWith(previous?.state ?? null, await captureState(paths));
  const [selection, digest] = await Promise.all([engine.selection(), digestOf(engine)]);
  const problems = f.recorded !== null && f.recorded !== digest ? [...f.problems, 'the state differs from the recording (digest mismatch)'] : f.problems;
  return { ...f, state, selection, digest, problems };
}
