/** Lesson sessions in temporary directories, driven by scripted answers. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LESSONS } from '../../src/lessons/catalogue/index.ts';
import type { Lesson, ScriptLine } from '../../src/lessons/model.ts';
import { stepDone } from '../../src/lessons/model.ts';
import { scriptedIo } from '../../src/lessons/script-io.ts';
import { LessonSession } from '../../src/lessons/session.ts';
import type { Outcome } from '../../src/engine/outcome.ts';

// Password files with a cheap KDF: the sessions' files hold training values only.
process.env.TKESIM_SCRYPT_N = '1024';

export function testEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TKESIM_HOME: home, TKESIM_SCRYPT_N: '1024' };
  delete env.CLOUDTKEFILES;
  delete env.TKESIM_SEED;
  return env;
}

export async function preparedSession(lesson: Lesson, number = 1): Promise<LessonSession> {
  const home = mkdtempSync(join(tmpdir(), 'tkesim-lesson-'));
  const session = new LessonSession(lesson, number, join(home, 'lessons', lesson.id), testEnv(home));
  await session.prepare();
  return session;
}

/** Runs a scripted line; returns its outcome and what it printed. */
export async function play(session: LessonSession, line: ScriptLine): Promise<{ outcome: Outcome; printed: string }> {
  const printed: string[] = [];
  const outcome = await session.run(line.line, scriptedIo(line.answers, (t) => printed.push(t)));
  return { outcome, printed: printed.join('\n') };
}

/** The failing checks of the current step, for assertion messages. */
export function missing(session: LessonSession): string {
  const step = session.lesson.steps[session.completed];
  const state = session.state;
  if (!step || !state) return '(none)';
  return stepDone(step, state) ? '(all hold)' : step.goal(state).filter((c) => !c.ok).map((c) => c.label).join('; ');
}

/** A lesson of the catalogue by id (the test fails loudly on a typo). */
export function lessonById(id: string): Lesson {
  const found = LESSONS.find((l) => l.id === id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
}
