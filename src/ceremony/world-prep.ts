/**
 * The world a ceremony runs on: a fresh seeded world in its own directory, built by `sim init` and
 * the script's setup lines (answered with training values), or the user's own sandbox.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CATALOGUE } from '../commands/help.ts';
import { createContext, resolvePaths, type Paths } from '../engine/context.ts';
import { runLine } from '../engine/run.ts';
import { readWorkstationFacts } from '../workstation/index.ts';
import { parseCommandLine } from './command-line.ts';
import { participant, type CeremonyScript } from './script-model.ts';
import { DialogTracker } from './secret-owner.ts';
import { trainingIo } from './training-io.ts';

export interface CeremonyWorld {
  readonly env: NodeJS.ProcessEnv;
  readonly paths: Paths;
}

/** Setup files are protected by training values: the slow password KDF buys nothing there. */
export async function withCheapKdf<T>(fn: () => Promise<T>): Promise<T> {
  const saved = process.env.TKESIM_SCRYPT_N;
  process.env.TKESIM_SCRYPT_N = '1024';
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.TKESIM_SCRYPT_N;
    else process.env.TKESIM_SCRYPT_N = saved;
  }
}

/** Prepares the ceremony's world: `dir` is emptied first for a fresh world; a sandbox is used as it is. */
export async function prepareWorld(script: CeremonyScript, env: NodeJS.ProcessEnv, dir: string): Promise<CeremonyWorld> {
  const world = script.world;
  if (world.kind === 'sandbox') return { env, paths: resolvePaths(env) };
  const home = resolve(dir);
  const paths: Paths = { home, tkeFiles: join(home, 'tkefiles') };
  const own: NodeJS.ProcessEnv = { ...env, TKESIM_HOME: home, TKESIM_SEED: world.seed };
  delete own.CLOUDTKEFILES;
  delete own.TKESIM_WIRE_LOG;
  delete own.TKE_SIGNSERV_URL;
  await rm(home, { recursive: true, force: true });
  await mkdir(paths.tkeFiles, { recursive: true, mode: 0o700 });
  const s = world.shape;
  const init = `sim init --yes --seed ${world.seed} --instances ${s.instances} --units ${s.units} --recovery ${s.recovery} --failover ${s.failover} --region ${s.region}`;
  await withCheapKdf(async () => {
    for (const c of [{ line: init, answers: [], actor: null }, ...script.setup]) {
      const printed: string[] = [];
      const parsed = parseCommandLine(c.line);
      const facts = await readWorkstationFacts(paths.tkeFiles);
      const actor = c.actor === null ? null : (participant(script, c.actor) ?? null);
      const tracker = new DialogTracker(script, facts, parsed.ok ? parsed.command : '', parsed.ok ? parsed.positionals : [], actor);
      const io = trainingIo(c.answers, (q) => tracker.ownerOf(q), (t) => printed.push(t));
      const outcome = await runLine(createContext({ ...io, ask: async (q) => { const a = await io.ask(q); if (a !== null) tracker.answered(q, a); return a; } }, own, paths), c.line, CATALOGUE);
      if (outcome.status !== 'ok') throw new Error(`the setup line "${c.line}" ended ${outcome.status}:\n${printed.join('\n')}`);
    }
  });
  return { env: own, paths };
}
