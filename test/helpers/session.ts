/** For session tests: an in-process shell controller on a temp world, driven line by line. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePaths, type Paths } from '../../src/engine/context.ts';
import type { Outcome } from '../../src/engine/outcome.ts';
import { provisioned } from '../../src/journal/journal-start.ts';
import { restoreState } from '../../src/journal/state-snapshot.ts';
import { ShellController } from '../../src/shell/controller.ts';
import { shellEngine } from '../../src/shell/engine-adapter.ts';
import { DEFAULT_PROVISION } from '../../src/core/world.ts';

process.env.TKESIM_SCRYPT_N = '1024';

export interface Workspace {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly paths: Paths;
  readonly controller: ShellController;
}

/** A controller on a fresh world (seeded when `seed` is given) in its own directory. */
export async function workspace(seed: string | null = 'session-test'): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-session-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TKESIM_HOME: join(dir, 'home') };
  delete env.CLOUDTKEFILES;
  delete env.TKESIM_SEED;
  const paths = resolvePaths(env);
  mkdirSync(paths.tkeFiles, { recursive: true });
  if (seed !== null) restoreState(paths, { world: provisioned({ ...DEFAULT_PROVISION, seed }), files: new Map() });
  const controller = new ShellController(shellEngine(env));
  await controller.refresh(null);
  return { dir, env, paths, controller };
}

/** Submits a command and answers its questions in order (null: cancel). */
export async function run(controller: ShellController, line: string, answers: readonly (string | null)[] = []): Promise<Outcome | null> {
  const queue = [...answers];
  const answer = () => {
    if (!controller.view.question) return;
    const next = queue.shift();
    if (next === null || next === undefined) controller.endOfInput();
    else void controller.submit(next);
  };
  const off = controller.subscribe(() => queueMicrotask(answer));
  try {
    return await controller.submit(line);
  } finally {
    off();
  }
}

export const PASSWORDS = { alice: 'Alice-Secret-pw-7', bob: 'Bob-Secret-pw-8' } as const;
export const PARTS = ['part-Secret-A1', 'part-Secret-B2'] as const;

/** A short ceremony: two admins, thresholds 1/1, a master key of two random parts set. */
export async function ceremony(c: ShellController): Promise<void> {
  await run(c, 'cryptounit-add', ['1 2']);
  await run(c, 'sigkey-add', ['Alice', PASSWORDS.alice, PASSWORDS.alice]);
  await run(c, 'sigkey-add', ['Bob', PASSWORDS.bob, PASSWORDS.bob]);
  await run(c, 'sigkey-sel', ['1 2', PASSWORDS.alice, PASSWORDS.bob]);
  await run(c, 'cryptounit-admin-add', ['1', PASSWORDS.alice]);
  await run(c, 'cryptounit-admin-add', ['2', PASSWORDS.bob]);
  await run(c, 'cryptounit-thrhld-set', ['1', '1', PASSWORDS.alice]);
  await run(c, 'mk-add --random', ['one', PARTS[0], PARTS[0]]);
  await run(c, 'mk-add --random', ['two', PARTS[1], PARTS[1]]);
  await run(c, 'cryptounit-mk-load', ['1 2', PASSWORDS.alice, PARTS[0], PARTS[1]]);
  await run(c, 'cryptounit-mk-commit', [PASSWORDS.alice]);
  await run(c, 'cryptounit-mk-setimm', ['y', PASSWORDS.alice]);
}
