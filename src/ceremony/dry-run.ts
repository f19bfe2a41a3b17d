/**
 * A ceremony played unattended with its training values (`--check`, and tests): every step's
 * expected commands in order, every hand-over taken, every read-back confirmed. It stops at the
 * first exception. The world is a throw-away one in `dir`.
 */
import type { CeremonyDesk } from './desk.ts';
import { participant, type CeremonyScript } from './script-model.ts';
import { CeremonySession } from './session.ts';
import { trainingIo } from './training-io.ts';
import { withCheapKdf } from './world-prep.ts';

export interface DryRun {
  readonly session: CeremonySession;
  /** What happened, step by step, in plain lines (never a secret). */
  readonly transcript: readonly string[];
  readonly ok: boolean;
}

/** A desk that takes every hand-over and confirms every read-back, writing down what it was shown. */
export function dryRunDesk(transcript: string[]): CeremonyDesk {
  return {
    handOver: async (to, why) => {
      transcript.push(`  -- the keyboard goes to ${to.name} (${why})`);
      return 'ready';
    },
    readBack: async (shown) => {
      transcript.push(`  read-back: ${shown.label}: ${shown.vp} (${shown.words.slice(0, 4).join(' ')} ...)`);
      return true;
    },
    say: (text) => transcript.push(...text.split('\n').map((l) => `  ${l}`)),
  };
}

/** Plays each step's expected commands while the step is current; `play` may stop earlier (tests). */
export async function playSteps(session: CeremonySession, transcript: string[], until = session.script.steps.length): Promise<void> {
  for (const [i, step] of session.script.steps.entries()) {
    if (i >= until) return;
    for (const c of step.commands) {
      if (session.currentIndex !== i || session.ended || session.openExceptions.length > 0) break;
      transcript.push(`step ${step.number} (${session.holder}): ${c.line}`);
      const io = trainingIo(c.answers, () => participant(session.script, session.holder) ?? null, () => undefined);
      await session.run(c.line, io);
    }
    if (session.openExceptions.length > 0 || session.ended) return;
  }
}

export async function dryRun(script: CeremonyScript, env: NodeJS.ProcessEnv, dir: string): Promise<DryRun> {
  const transcript: string[] = [];
  const sandboxed: CeremonyScript = script.world.kind === 'sandbox'
    ? { ...script, world: { kind: 'fresh', seed: `check-${script.id}`, shape: { instances: 1, units: 2, recovery: 2, failover: 0, region: 'us-south' } } }
    : script;
  const session = new CeremonySession(sandboxed, dir, env, dryRunDesk(transcript));
  await withCheapKdf(async () => {
    await session.prepare();
    await playSteps(session, transcript);
  });
  const ok = session.ended?.kind === 'completed' && session.exceptions.length === 0;
  return { session, transcript, ok };
}
