/**
 * The shell's engine, loaded right after the first frame: the commands, the store and the
 * workstation are a good share of the shell's code, and the prompt need not wait for them. Every
 * method waits for the load; `paths` is known from the environment at once.
 */
import { resolvePaths } from '../engine/paths.ts';
import type { ShellEngine } from './controller.ts';

export interface LazyShellEngine extends ShellEngine {
  /** Resolves once the engine and the command catalogue are loaded. */
  ready(): Promise<{ readonly commands: readonly string[]; readonly flags: Readonly<Record<string, readonly string[]>> }>;
}

export function lazyShellEngine(env: NodeJS.ProcessEnv): LazyShellEngine {
  let loading: Promise<{ engine: ShellEngine; commands: readonly string[]; flags: Readonly<Record<string, readonly string[]>> }> | null = null;
  const load = () => (loading ??= import('./engine-adapter.ts').then((m) => ({ engine: m.shellEngine(env), commands: m.COMMAND_NAMES, flags: m.COMMAND_FLAGS })));
  return {
    paths: resolvePaths(env),
    ready: async () => load(),
    run: async (line, io) => (await load()).engine.run(line, io),
    world: async () => (await load()).engine.world(),
    selection: async () => (await load()).engine.selection(),
    keynums: async () => (await load()).engine.keynums(),
  };
}
