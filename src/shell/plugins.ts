/**
 * The shell's plug-in point: front-ends that add to every shell (the recorder: `record start`, a
 * recording already running in this process) register here from their own side, so the shell
 * knows nothing of them. Plug-ins run after a shell's own setup and before its first frame.
 */
import type { ReactNode } from 'react';
import type { ShellController } from './controller.ts';

/** May return a panel of its own, drawn above the prompt (the lesson panel). */
export type ShellPlugin = (controller: ShellController, env: NodeJS.ProcessEnv) => Promise<ReactNode | void> | ReactNode | void;

const plugins: ShellPlugin[] = [];

export function addShellPlugin(plugin: ShellPlugin): void {
  if (!plugins.includes(plugin)) plugins.push(plugin);
}

export async function runShellPlugins(controller: ShellController, env: NodeJS.ProcessEnv): Promise<ReactNode[]> {
  const panels: ReactNode[] = [];
  for (const plugin of plugins) {
    const panel = await plugin(controller, env);
    if (panel !== undefined && panel !== null) panels.push(panel);
  }
  return panels;
}
