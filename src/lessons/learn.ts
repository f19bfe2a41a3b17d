/**
 * `tkesim learn [N]`: without a lesson, lists the lessons with progress (and, in a terminal, opens
 * the next unfinished one); with one, opens it in the shell. The shell is loaded lazily.
 */
import { LESSONS, findLesson } from './catalogue/index.ts';
import { homeOf } from './host.ts';
import { nextLessonNumber, renderLessonList } from './list.ts';
import { readProgress } from './progress.ts';

const USAGE = [
  'USAGE: tkesim learn            list the lessons; in a terminal, open the next unfinished one',
  '       tkesim learn N          open lesson N (1 to LAST) in the shell; it needs a terminal',
  '       tkesim learn --list     list the lessons with your progress',
  'Each lesson runs on its own seeded world under $TKESIM_HOME/lessons/ and never touches your sandbox.',
].join('\n').replace('LAST', String(LESSONS.length));

export async function learn(args: readonly string[], env: NodeJS.ProcessEnv, terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY)): Promise<number> {
  const [first, ...more] = args;
  if (first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const progress = await readProgress(homeOf(env));
  const list = renderLessonList(progress);
  if (first === undefined || first === '--list' || first === 'list') {
    if (first !== undefined || !terminal || more.length > 0) {
      process.stdout.write(`${list}\n\nStart a lesson with: tkesim learn N   (in a terminal)\n`);
      return 0;
    }
    const { startLearnShell } = await import('./lesson-shell.tsx');
    return startLearnShell(env, nextLessonNumber(progress), true);
  }
  const found = more.length === 0 ? findLesson(first) : undefined;
  if (!found) {
    process.stderr.write(`"${args.join(' ').slice(0, 40)}" is not a lesson.\n\n${list}\n\n${USAGE}\n`);
    return 2;
  }
  if (!terminal) {
    process.stderr.write(`tkesim learn ${found.number} needs a terminal: a lesson is interactive, with a live panel.\nRun it in a terminal. Without one, "tkesim learn" lists the lessons, and one-shot commands (tkesim cryptounits) work as usual.\n`);
    return 2;
  }
  const { startLearnShell } = await import('./lesson-shell.tsx');
  return startLearnShell(env, found.number);
}
