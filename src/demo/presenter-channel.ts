/**
 * The channel from a running demo to `tkesim presenter` in another terminal: one small file,
 * `presenter.json` in TKESIM_HOME (mode 0600, replaced atomically), that the presenter view
 * watches. It carries step numbers, titles and speaker notes only, with every training value
 * replaced by its name: never a password, never a command's answers. No network.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactSecrets } from '../engine/secrets.ts';
import { ensurePrivateDir, PRIVATE_FILE } from '../store/private-file.ts';
import type { DemoPhase, DemoView } from './demo-runner.ts';
import type { DemoScript } from './demo-script.ts';
import { watchEntries } from './home-watch.ts';

export const PRESENTER_FILE = 'presenter.json';

export interface PresenterStep {
  /** 1-based, setup steps not counted. */
  readonly number: number;
  readonly title: string;
  readonly notes: readonly string[];
}

export interface PresenterState {
  readonly pid: number;
  readonly title: string;
  /** When the demo started (ms since the epoch): the presenter view shows the time elapsed. */
  readonly startedAt: number;
  readonly total: number;
  readonly phase: DemoPhase;
  /** The step on the audience's screen, and whether it has run. */
  readonly step: PresenterStep;
  readonly ran: boolean;
  /** The step after the one on show (null at the end). */
  readonly next: PresenterStep | null;
}

/** The text with every training value replaced by `@name`, then every known secret masked. */
export function scrubTraining(text: string, training: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [name, value] of [...training].sort((a, b) => b[1].length - a[1].length)) if (value !== '') out = out.split(value).join(`@${name}`);
  return redactSecrets(out);
}

export function presenterState(script: DemoScript, view: DemoView, firstStep: number, startedAt: number, pid = process.pid): PresenterState {
  const step = (index: number): PresenterStep | null => {
    const s = script.steps[index];
    return s ? { number: index + 1 - firstStep, title: scrubTraining(s.title, script.training), notes: s.notes.map((n) => scrubTraining(n, script.training)) } : null;
  };
  const shown = step(view.shown) ?? { number: 0, title: '', notes: [] };
  return {
    pid, title: scrubTraining(script.title, script.training), startedAt, total: script.steps.length - firstStep,
    phase: view.phase, step: shown, ran: view.ran, next: step(view.shown + 1),
  };
}

export function publishPresenter(home: string, state: PresenterState): void {
  ensurePrivateDir(home);
  const file = join(home, PRESENTER_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state)}\n`, { mode: PRIVATE_FILE });
  renameSync(tmp, file);
}

/** Removes the file if this process wrote it. */
export function unpublishPresenter(home: string, pid = process.pid): void {
  if (readPresenter(home)?.pid === pid) rmSync(join(home, PRESENTER_FILE), { force: true });
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const PHASES: readonly DemoPhase[] = ['waiting', 'running', 'finished'];

function stepOf(v: unknown): PresenterStep | null {
  if (typeof v !== 'object' || v === null) return null;
  if (!('number' in v) || !isNumber(v.number) || !('title' in v) || !isString(v.title) || !('notes' in v) || !Array.isArray(v.notes)) return null;
  const notes: unknown[] = v.notes;
  return { number: v.number, title: v.title, notes: notes.filter(isString) };
}

/** Checks a parsed file field by field (a file written by anyone is input, not trusted). */
export function presenterFromJson(v: unknown): PresenterState | null {
  if (typeof v !== 'object' || v === null) return null;
  if (!('pid' in v) || !isNumber(v.pid) || !('title' in v) || !isString(v.title) || !('startedAt' in v) || !isNumber(v.startedAt)) return null;
  if (!('total' in v) || !isNumber(v.total) || !('ran' in v) || typeof v.ran !== 'boolean' || !('phase' in v)) return null;
  const phase = PHASES.find((p) => p === v.phase);
  const step = 'step' in v ? stepOf(v.step) : null;
  const next = 'next' in v && v.next !== null ? stepOf(v.next) : null;
  if (!phase || !step) return null;
  return { pid: v.pid, title: v.title, startedAt: v.startedAt, total: v.total, phase, step, ran: v.ran, next };
}

export function readPresenter(home: string): PresenterState | null {
  try {
    return presenterFromJson(JSON.parse(readFileSync(join(home, PRESENTER_FILE), 'utf8')));
  } catch {
    return null;
  }
}

/** Whether the demo that wrote the state still runs. */
export function demoAlive(state: PresenterState): boolean {
  try {
    process.kill(state.pid, 0);
    return true;
  } catch (e) {
    return e instanceof Error && 'code' in e && e.code === 'EPERM';
  }
}

/** Calls `onChange` when the file is replaced or removed. */
export function watchPresenter(home: string, onChange: () => void): { close(): void } {
  return watchEntries(home, [PRESENTER_FILE], onChange);
}
