/** Starts the Ink shell: wires the engine to the controller and renders the App. Loaded lazily. */
import { render } from 'ink';
import { join } from 'node:path';
import { ALL_COMMANDS } from '../commands/help.ts';
import { lookup, suggestions } from '../commands/registry.ts';
import { createContext, resolvePaths } from '../engine/context.ts';
import type { Io } from '../engine/io.ts';
import { runLine } from '../engine/run.ts';
import { listKeyParts, listSignatureKeys, readSelection } from '../workstation/index.ts';
import { App } from './app.tsx';
import { ShellController, type ShellEngine } from './controller.ts';
import { appendHistory, loadHistory } from './history-file.ts';
import { ThemeContext, themeFromEnv } from './theme.ts';

export const HISTORY_FILE = 'history';

/** The engine as the shell sees it: one context per line, so every command reads the latest world. */
export function shellEngine(env: NodeJS.ProcessEnv): ShellEngine {
  const paths = resolvePaths(env);
  const quiet: Io = { print: () => undefined, ask: async () => null };
  const catalogue = { lookup: (w: readonly string[]) => lookup(w, ALL_COMMANDS), suggestions };
  return {
    run: (line, io) => runLine(createContext(io, env, paths), line, catalogue),
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

export async function startShell(env: NodeJS.ProcessEnv): Promise<number> {
  const paths = resolvePaths(env);
  const historyFile = join(paths.home, HISTORY_FILE);
  const controller = new ShellController(shellEngine(env));
  await controller.refresh(null);
  controller.log('tkesim: the HPCS key ceremony simulator. Type "help" for the commands, "exit" to leave.', 'muted');
  const history = await loadHistory(historyFile).catch(() => []);
  const app = render(
    <ThemeContext.Provider value={themeFromEnv(env)}>
      <App
        controller={controller}
        commands={COMMAND_NAMES}
        flags={COMMAND_FLAGS}
        history={history}
        onCommandLine={(line) => void appendHistory(historyFile, line).catch(() => undefined)}
      />
    </ThemeContext.Provider>,
    { exitOnCtrlC: false },
  );
  await app.waitUntilExit();
  return 0;
}
