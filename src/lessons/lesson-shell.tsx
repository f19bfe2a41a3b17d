/** `tkesim learn N` in a terminal: the shell on lesson N's own world, with the lesson panel and words. */
import { LessonHost } from './host.ts';
import { renderLessonList } from './list.ts';
import { shellEngine } from '../shell/engine-adapter.ts';
import { openPanel, registerLessonBuiltins } from './lesson-builtins.ts';
import { LessonPanel } from './lesson-panel.tsx';
import { startShell } from '../shell/start.tsx';

export async function startLearnShell(env: NodeJS.ProcessEnv, number: number, showList = false): Promise<number> {
  const host = new LessonHost(env);
  const progress = await host.loadProgress();
  process.stdout.write(`Preparing lesson ${number}: a fresh world of its own...\n`);
  const engine = await host.start(number);
  return startShell(env, {
    engine,
    greeting: 'tkesim learn: guided lessons. The lesson runs on its own world; your sandbox is not touched. Type "exit" to quit.',
    setup: (controller) => {
      host.say = (text, tone) => controller.log(text, tone);
      registerLessonBuiltins(controller, host, () => shellEngine(env));
      if (host.session) openPanel(controller, host.session.lesson);
      if (showList) controller.log(renderLessonList(progress, number), 'normal');
      controller.log(host.intro(), 'normal');
      return <LessonPanel host={host} />;
    },
  });
}
