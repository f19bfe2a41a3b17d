/**
 * The lesson words of the shell: hint, goal, explain, solution, reset, lessons, lesson N, exit
 * lesson. Each is a built-in of the controller; the lesson itself lives in the LessonHost.
 */
import { findLesson } from './catalogue/index.ts';
import { explainCode, explainLast } from './explain.ts';
import { explainTerm, glossaryTerms } from './glossary.ts';
import { goalText } from './goal-text.ts';
import type { LessonHost } from './host.ts';
import type { Lesson } from './model.ts';
import { nextLessonNumber, renderLessonList } from './list.ts';
import { scriptedIo } from './script-io.ts';
import type { ShellController, ShellEngine } from '../shell/controller.ts';

const NO_LESSON = 'No lesson is running. Type "lessons" for the list, or "lesson N" to start one.';

/** Pause between the lines of a played solution, so that the panel can be followed (TKESIM_LESSON_PLAY_MS). */
function playDelay(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.TKESIM_LESSON_PLAY_MS ?? '600');
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 10_000) : 600;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function startLesson(c: ShellController, host: LessonHost, key: string): Promise<void> {
  const found = findLesson(key);
  if (!found) {
    c.log(`FAILED\n"${key.slice(0, 40)}" is not a lesson. Type "lessons" for the list.`, 'error');
    return;
  }
  c.log(`Preparing lesson ${found.number}: a fresh world of its own...`, 'muted');
  // The lesson's box is about to appear above the panel, its height not yet measured: the table
  // first, so no frame runs past the screen (Ink would clear it); then the lesson's own view.
  c.setPanelView('table');
  await c.useEngine(await host.start(found.number));
  openPanel(c, found.lesson);
  c.log(host.intro(), 'normal');
}

/** A lesson opens with its own panel view: the register diagram for the lessons on the registers. */
export function openPanel(c: ShellController, lesson: Lesson): void {
  c.setPanelView(lesson.panel ?? 'table');
}

async function playSolution(c: ShellController, host: LessonHost): Promise<void> {
  const session = host.session;
  if (!session) return c.log(NO_LESSON, 'muted');
  const answer = await c.io.ask({ kind: 'confirm', prompt: 'The solution restarts this lesson from its start state and plays every command, with its answers; this attempt is then not scored.\nPlay the solution?\nAnswer [y/N]:' });
  if (answer === null || !/^y(es)?$/i.test(answer.trim())) return c.log('The solution was not played.', 'muted');
  await host.reset();
  session.markSolutionPlayed();
  await c.refresh(null);
  c.log(`Playing the reference solution of lesson ${session.number}. Passwords are training values, shown by what they are.`, 'muted');
  const delay = playDelay(host.env);
  for (const [k, step] of session.lesson.steps.entries()) {
    c.log(`-- step ${k + 1}: ${step.title} --`, 'muted');
    for (const line of step.solution) {
      const before = c.view.world;
      c.log(`tkesim> ${line.line}`, 'muted');
      await host.run(line.line, scriptedIo(line.answers, {
        print: (text) => c.log(text),
        answered: (q, shown) => {
          c.log(q.prompt, 'normal');
          c.log(`> ${shown}`, 'muted');
        },
      }));
      await c.refresh(before);
      if (delay > 0) await sleep(delay);
    }
  }
}

export function registerLessonBuiltins(c: ShellController, host: LessonHost, sandbox: () => ShellEngine): void {
  c.registerBuiltin('hint', () => {
    const session = host.session;
    if (!session) return c.log(NO_LESSON, 'muted');
    c.log(session.hint(), 'normal');
    host.touch();
  });
  c.registerBuiltin('goal', () => {
    const s = host.session;
    c.log(s ? goalText(s.lesson, s.number, s.completed, s.state) : NO_LESSON, s ? 'normal' : 'muted');
  });
  c.registerBuiltin('explain', (rest) => {
    if (rest.trim() !== '') {
      c.log(explainTerm(rest) ?? explainCode(rest) ?? `"${rest.slice(0, 40)}" is not a term or code tkesim knows. Try a term the screen shows ("explain verification pattern", "explain Full Committed"), or a return and reason code ("explain 209/57"). Terms: ${glossaryTerms().join(', ')}.`, 'normal');
      return;
    }
    c.log(host.session ? explainLast(host.session.last) : NO_LESSON, host.session ? 'normal' : 'muted');
  });
  c.registerBuiltin('solution', () => playSolution(c, host));
  c.registerBuiltin('reset', async () => {
    if (!host.session) return c.log(NO_LESSON, 'muted');
    await host.reset();
    await c.refresh(null);
    c.log('The lesson was reset to its start state: a fresh world, a new attempt.', 'muted');
    c.log(host.intro(), 'normal');
  });
  c.registerBuiltin('lessons', async () => {
    await host.idle();
    const progress = await host.loadProgress();
    c.log(`${renderLessonList(progress, host.session?.number ?? null)}\nType "lesson N" to start lesson N.`, 'normal');
  });
  const start = (rest: string) => (rest.trim() === '' ? c.log('Which lesson? Type "lesson N", for example "lesson 1", or "lessons" for the list.', 'muted') : startLesson(c, host, rest));
  c.registerBuiltin('lesson', start);
  // `learn` alone: the list, then the next unfinished lesson (as `tkesim learn` does).
  c.registerBuiltin('learn', async (rest) => {
    if (rest.trim() !== '') return startLesson(c, host, rest);
    await host.idle();
    const progress = await host.loadProgress();
    c.log(renderLessonList(progress, host.session?.number ?? null), 'normal');
    await startLesson(c, host, String(nextLessonNumber(progress)));
  });
  c.registerBuiltin('exit lesson', async () => {
    if (!host.session) return c.log(NO_LESSON, 'muted');
    const n = host.session.number;
    host.leave();
    await c.useEngine(sandbox());
    c.log(`You left lesson ${n}; its progress is kept. This is your own sandbox world now. Type "lessons" to pick a lesson, or "exit" to quit.`, 'muted');
  });
}
