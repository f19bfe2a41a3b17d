/** The engine as the shell sees it (no Ink here, so tests drive it without a terminal). */
import { ALL_COMMANDS, CATALOGUE } from '../commands/help.ts';
import { createContext, resolvePaths } from '../engine/context.ts';
import type { Io } from '../engine/io.ts';
import { runLine } from '../engine/run.ts';
import { listKeyParts, listSignatureKeys, readSelection } from '../workstation/index.ts';
import type { ShellEngine } from './controller.ts';

export { HISTORY_FILE } from './history-name.ts';

/** The engine as the shell sees it: one context per line, so every command reads the latest world. */
export function shellEngine(env: NodeJS.ProcessEnv): ShellEngine {
  const paths = resolvePaths(env);
  const quiet: Io = { print: () => undefined, ask: async () => null };
  return {
    paths,
    run: (line, io) => runLine(createContext(io, env, paths), line, CATALOGUE),
    world: () => createContext(quiet, env, paths).world(),
    async selection() {
      const sel = await readSelection(paths.tkeFiles);
      const keys = await listSignatureKeys(paths.tkeFiles).catch(() => []);
      return { units: sel.units, signatureKeyNames: keys.filter((k) => sel.signatureKeys.includes(k.ski)).map((k) => k.name) };
    },
    async keynums() {
      const [keys, parts] = await Promise.all([listSignatureKeys(paths.tkeFiles).catch(() => []), listKeyParts(paths.tkeFiles).catch(() => [])]);
      return { signatureKeys: keys.map((k) => k.keynum), keyParts: parts.map((p) => p.keynum) };
    },
  };
}

export const COMMAND_NAMES = [...new Set([...ALL_COMMANDS.map((c) => c.name), 'exit', 'clear'])];
export const COMMAND_FLAGS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  ALL_COMMANDS.filter((c) => c.flags?.length).map((c) => [c.name, (c.flags ?? []).map((f) => `--${f.name}`)]),
);

