/** Starts the Ink shell: wires the engine to the controller and renders the App. Loaded lazily. */
import { render } from 'ink';
import { join } from 'node:path';
import { resolvePaths } from '../engine/context.ts';
import { App } from './app.tsx';
import { ShellController } from './controller.ts';
import { COMMAND_FLAGS, COMMAND_NAMES, HISTORY_FILE, shellEngine } from './engine-adapter.ts';
import { appendHistory, loadHistory } from './history-file.ts';
import { ThemeContext, themeFromEnv } from './theme.ts';

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
