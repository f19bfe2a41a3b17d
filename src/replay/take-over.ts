/**
 * Taking over: a live shell on a copy of a session's state (a replay's step, a demo's current
 * world), in a directory of its own, so the recording and the user's own world stay untouched.
 * The new branch may be recorded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePaths } from '../engine/context.ts';
import { restoreState, type StateSnapshot } from '../journal/state-snapshot.ts';
import { activeRecorder, withRecording } from '../record/index.ts';

export interface TakeOverOptions {
  readonly env: NodeJS.ProcessEnv;
  /** The state to continue from (written to a fresh directory), or the directory to use as is. */
  readonly from: { readonly state: StateSnapshot } | { readonly home: string };
  readonly greeting: string;
  /** Record the new branch to this session name. */
  readonly record?: string;
}

/** The environment of a shell on its own home (no CLOUDTKEFILES from outside, no wire log). */
export function homeEnv(env: NodeJS.ProcessEnv, home: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, TKESIM_HOME: home };
  delete out.CLOUDTKEFILES;
  delete out.TKESIM_WIRE_LOG;
  return out;
}

export async function takeOver(o: TakeOverOptions): Promise<number> {
  const created = 'state' in o.from ? mkdtempSync(join(tmpdir(), 'tkesim-take-over-')) : null;
  const home = created ?? ('home' in o.from ? o.from.home : '');
  const env = homeEnv(o.env, home);
  if ('state' in o.from) restoreState(resolvePaths(env), o.from.state);
  const { startShell } = await import('../shell/start.tsx');
  // The player's last frame stays on screen otherwise.
  if (process.stdout.isTTY) process.stdout.write('\u001b[H\u001b[2J');
  const run = () => startShell(env, { greeting: o.greeting });
  try {
    return o.record && !activeRecorder() ? await withRecording({ name: o.record, env }, run) : await run();
  } finally {
    if (created) rmSync(created, { recursive: true, force: true });
  }
}
