/**
 * The shell's plug-in point: front-ends that add to every shell (the recorder: `record start`, a
 * recording already running in this process) register here from their own side, so the shell
 * knows nothing of them. Plug-ins run after a shell's own setup and before its first frame.
 */
import type { ReactNode } from 'react';
import type { ShellController } from './controller.ts';

/** May return a panel of its own, drawn above the prompt (the lesson panel). */
export type ShellPlugin = (controller: ShellController, env: NodeJS.ProcessEnv) => Promise<ReactNode | void> | ReactNode | void;

interface Registered {
  readonly plugin: ShellPlugin;
  /** Runs after the shell's first frame (it loads code of its own): the prompt is not kept waiting. */
  readonly deferred: boolean;
}

const plugins: Registered[] = [];

export function addShellPlugin(plugin: ShellPlugin, options: { readonly deferred?: boolean } = {}): void {
  if (!plugins.some((p) => p.plugin === plugin)) plugins.push({ plugin, deferred: options.deferred ?? false });
}

/** Runs the plug-ins of one phase: before the first frame, or (`deferred`) right after it. */
export async function runShellPlugins(controller: ShellController, env: NodeJS.ProcessEnv, deferred = false): Promise<ReactNode[]> {
  const panels: ReactNode[] = [];
  for (const { plugin } of plugins.filter((p) => p.deferred === deferred)) {
    const panel = await plugin(controller, env);
    if (panel !== undefined && panel !== null) panels.push(panel);
  }
  return panels;
}
