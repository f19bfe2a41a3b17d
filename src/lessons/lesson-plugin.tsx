/**
 * Lessons in every shell: `learn`, `learn N`, `lessons`, `lesson N` (and `tkesim learn N` typed in
 * the shell) start a lesson in place, on its own world; `exit lesson` returns to the world the shell
 * had. The lesson panel shows while a lesson runs. A shell that `tkesim learn` opened has these
 * words already and is left as it is.
 */
import type { ReactNode } from 'react';
import type { ShellController } from '../shell/controller.ts';
import { LessonHost } from './host.ts';
import { registerLessonBuiltins } from './lesson-builtins.ts';
import { LessonPanel } from './lesson-panel.tsx';

export function installLessons(controller: ShellController, env: NodeJS.ProcessEnv): ReactNode {
  if (controller.hasBuiltin('hint')) return null;
  const host = new LessonHost(env);
  host.say = (text, tone) => controller.log(text, tone);
  const sandbox = controller.baseEngine;
  registerLessonBuiltins(controller, host, () => sandbox);
  return <LessonPanel host={host} />;
}
