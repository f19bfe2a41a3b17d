/**
 * The state a take-over continues from, after step N of a recording. A recording that started on
 * a seeded fresh world is re-executed up to N (demo training values, or stand-in passwords); if
 * that reaches the recorded state exactly, the copy is exact. Otherwise (a recording made on a
 * world that already held keys, or a key part value the recording does not keep) the copy is the
 * recorded view at step N with stand-in secrets, and the greeting says so.
 */
import type { Journal, StateView } from '../journal/journal-format.ts';
import { loadReplay } from './replay-engine.ts';
import type { TakeOverFacts } from './replay-greeting.ts';
import { standInState } from '../journal/stand-in-state.ts';
import type { StateSnapshot } from '../journal/state-snapshot.ts';

export interface TakeOverStart {
  readonly state: StateSnapshot;
  readonly facts: Omit<TakeOverFacts, 'title' | 'steps'>;
}

const STAND_IN = 'This copy has the recorded states, admins, thresholds and key counts, with stand-in secrets: its master keys (and so its VPs) and signature keys are not the recording\'s.';

export async function takeOverStart(journal: Journal, step: number, view: StateView, env: NodeJS.ProcessEnv, training: ReadonlyMap<string, string>): Promise<TakeOverStart> {
  const demo = journal.header.demo !== undefined;
  if (journal.header.start.kind === 'provision') {
    const replay = await loadReplay(journal, { env, training, uptoStep: step });
    try {
      const frame = [...replay.frames].reverse().find((f) => f.step <= step);
      if (frame && (frame.recorded === null ? frame.step === 0 : frame.recorded === frame.digest)) {
        const standIns = replay.secrets.standIns.filter((s) => s.step <= step);
        return { state: frame.state, facts: { step, demo, standIns, standInFiles: [], inexact: null } };
      }
    } finally {
      replay.dispose();
    }
  }
  const made = await standInState(view);
  const why = journal.header.start.kind === 'view'
    ? 'The recording started on a world that already held keys, which it does not keep.'
    : 'Re-executing the recording with stand-in secrets did not reach the recorded state.';
  return { state: made.state, facts: { step, demo, standIns: [], standInFiles: made.files, inexact: `${why} ${STAND_IN}` } };
}
