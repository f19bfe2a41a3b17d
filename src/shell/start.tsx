/** Starts the Ink shell: wires the engine to the controller and renders the App. Loaded lazily. */
import { render } from 'ink';
import { join } from 'node:path';
import { resolvePaths } from '../engine/paths.ts';
import { watchDirectory, watchStore } from '../store/watch.ts';
import { App } from './app.tsx';
import { Fragment, type ReactNode } from 'react';
import { ShellController, type ShellEngine } from './controller.ts';
import { HISTORY_FILE } from './history-name.ts';
import { lazyShellEngine } from './lazy-engine.ts';
import { appendHistory, loadHistory } from './history-file.ts';
import { collectWhenIdle, keepYoungGenerationSmall } from './idle-gc.ts';
import { runShellPlugins } from './plugins.ts';
import { ThemeContext, themeFromEnv } from './theme.ts';
import type { WorldPanel } from './world-panel.tsx';

export const GREETING = 'tkesim: the HPCS key ceremony simulator. New here? Type "learn" for the guided lessons; "help" lists the commands, "exit" leaves.';

export interface ShellOptions {
  /** The engine to run lines on (default: the user's world in TKESIM_HOME). */
  readonly engine?: ShellEngine;
  /** Runs before the first frame: registers built-ins and observers; may return extra panels. */
  readonly setup?: (controller: ShellController) => Promise<ReactNode> | ReactNode;
  readonly greeting?: string;
}

export async function startShell(env: NodeJS.ProcessEnv, options: ShellOptions = {}): Promise<number> {
  const paths = resolvePaths(env);
  const historyFile = join(paths.home, HISTORY_FILE);
  // Read while the rest of the start runs: the prompt needs it only at its first frame.
  const history = loadHistory(historyFile).catch(() => []);
  const engine = lazyShellEngine(env);
  const controller = new ShellController(options.engine ?? engine);
  // A plain shell draws its prompt first and loads the world right after (the panel says so);
  // a lesson or demo prepares its own world before the first frame.
  const loadFirst = options.setup !== undefined;
  if (loadFirst) await controller.refresh(null);
  controller.log(options.greeting ?? GREETING, 'muted');
  const extra = options.setup ? await options.setup(controller) : null;
  // Plug-ins (the recorder's `record start/stop`, a recording already running in this process):
  // after setup, so that a lesson's own world is the one recorded.
  const panels = await runShellPlugins(controller, env);
  controller.addObserver({ commandEnd: () => collectWhenIdle() });
  let words: Awaited<ReturnType<typeof engine.ready>> = { commands: [], flags: {} };
  // The status line and register panel come with the engine: the first frame only says the world is loading.
  let worldPanel: typeof WorldPanel | null = null;
  const loadWorldPanel = async () => (await import('./world-panel.tsx')).WorldPanel;
  const tree = (all: readonly ReactNode[]) => (
    <ThemeContext.Provider value={themeFromEnv(env)}>
      <App
        controller={controller}
        commands={words.commands}
        flags={words.flags}
        worldPanel={worldPanel}
        logInPlaceFirst={!loadFirst}
        history={loadedHistory}
        onCommandLine={(line) => void appendHistory(historyFile, line).catch(() => undefined)}
      >
        {extra}
        {all.map((panel, i) => (
          <Fragment key={i}>{panel}</Fragment>
        ))}
      </App>
    </ThemeContext.Provider>
  );
  // A lesson or demo brings its own engine, loaded already; the plain shell's loads after the first frame.
  if (options.engine) words = await engine.ready();
  if (loadFirst) worldPanel = await loadWorldPanel();
  const loadedHistory = await history;
  const app = render(tree(panels), { exitOnCtrlC: false, maxFps: 60 });
  const fail = (e: unknown) => controller.log(`FAILED\n${e instanceof Error ? e.message : String(e)}`, 'error');
  const finishStarting = async (): Promise<void> => {
    keepYoungGenerationSmall();
    const [loaded, panel] = await Promise.all([options.engine ? words : engine.ready(), worldPanel ?? loadWorldPanel()]);
    // Drawn again only when something came (a needless frame of a frame taller than the terminal clears it).
    if (loaded !== words || panel !== worldPanel) {
      words = loaded;
      worldPanel = panel;
      app.rerender(tree(panels));
    }
    if (!loadFirst && controller.view.world === null) await controller.refresh(null).catch(fail);
    // Plug-ins that load code of their own (the lessons, the recorder) come right after the first frame.
    const later = await runShellPlugins(controller, env, true).catch((e: unknown) => {
      fail(e);
      return [];
    });
    if (later.length) app.rerender(tree([...panels, ...later]));
  };
  const started = finishStarting();
  controller.startingUp(started);
  await started;
  // The panel follows changes made by other tkesim processes on the same world and workstation.
  const follow = () => void controller.followOutside().catch(() => undefined);
  const watches = [watchStore(paths.home, follow), watchDirectory(paths.tkeFiles, () => true, follow)];
  try {
    await app.waitUntilExit();
  } finally {
    for (const w of watches) w.close();
  }
  return 0;
}
