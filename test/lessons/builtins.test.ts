/** The lesson words in the shell's controller, without rendering: hint, goal, explain, solution, reset, lessons, lesson N, exit lesson. */
import test from 'ava';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LessonHost } from '../../src/lessons/host.ts';
import { ShellController } from '../../src/shell/controller.ts';
import { shellEngine } from '../../src/shell/engine-adapter.ts';
import { registerLessonBuiltins } from '../../src/lessons/lesson-builtins.ts';
import { testEnv } from './helpers.ts';

async function until(ok: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function setup(lesson = 3) {
  const home = mkdtempSync(join(tmpdir(), 'tkesim-learn-'));
  const env = { ...testEnv(home), TKESIM_LESSON_PLAY_MS: '0' };
  const host = new LessonHost(env);
  const controller = new ShellController(await host.start(lesson));
  await controller.refresh(null);
  host.say = (text, tone) => controller.log(text, tone);
  registerLessonBuiltins(controller, host, () => shellEngine(env));
  let seen = 0;
  /** Submits a line, answers its questions in order, and returns the log it added. */
  const type = async (line: string, answers: readonly string[] = []): Promise<string> => {
    const running = controller.submit(line);
    for (const a of answers) {
      await until(() => controller.view.question !== null, `a question for ${a}`);
      await controller.submit(a);
    }
    await running;
    const added = controller.view.log.slice(seen).map((i) => i.text).join('\n');
    seen = controller.view.log.length;
    return added;
  };
  return { home, host, controller, type };
}

test('hint, goal and explain in a lesson; a command run in the shell advances the lesson', async (t) => {
  const { host, controller, type } = await setup(3);
  t.is(host.getModel()?.progress, 'step 1 of 3');
  t.regex(await type('hint'), /Hint 1\/3 for step 1, a nudge/);
  t.is(host.getModel()?.counters.includes('hints 1'), true, 'the panel counts the hint');
  t.regex(await type('goal'), /Goal of lesson 3: [\s\S]*Step 1 of 3: Install Carol[\s\S]*✘ unit 1 ADMINS 3\/8\n {2}✘ unit 2 ADMINS 3\/8/);
  t.regex(await type('explain'), /Nothing to explain yet/);
  t.regex(await type('explain 209/58'), /Return code 209, reason code 58: Revocation threshold greater/);
  t.regex(await type('explain frobnicate'), /is not a term or code tkesim knows/);
  const out = await type('cryptounit-admin-add', ['3', 'carol-Train-3']);
  t.regex(out, /✔ Step 1 done: Install Carol as the third administrator\.\nStep 2: Choose two administrators to sign/);
  t.false(out.includes('carol-Train-3'), 'the typed password is not logged');
  t.is(host.getModel()?.progress, 'step 2 of 3');
  t.regex(await type('explain'), /units 1, 2 admins 2 -> 3 \(added Carol\)/);
  t.is(controller.view.world?.units[0]?.admins.length, 3, 'the panel shows the lesson world');
});

test('solution asks first, then plays the reference solution visibly through the engine; it is not scored', async (t) => {
  const { home, host, controller, type } = await setup(3);
  t.regex(await type('solution', ['n']), /Play the solution\?[\s\S]*The solution was not played\./);
  t.is(host.session?.completed, 0);
  const played = await type('solution', ['y']);
  t.regex(played, /Playing the reference solution of lesson 3/);
  t.regex(played, /tkesim> cryptounit-admin-add\n[\s\S]*Enter the KEYNUM of the administrator signature key you wish to load:\n> 3\n/);
  t.regex(played, /> \(password of Carol's signature key\)/, 'a secret answer shows as what it is');
  t.false(played.includes('carol-Train-3'), 'never as its value');
  t.regex(played, /Lesson 3 complete, with the reference solution: not scored\./);
  t.is(controller.view.world?.units[1]?.signatureThreshold, 2);
  await host.idle();
  const progress = JSON.parse(readFileSync(join(home, 'lessons', 'progress.json'), 'utf8')) as { lessons: Record<string, unknown> };
  t.deepEqual(progress.lessons['03-thresholds'], { attempts: 2, completed: false, best: null, solutionSeen: true });
  t.regex(await type('lessons'), />3 +Thresholds and leaving imprint mode +solution shown/);
});

test('reset restarts the lesson on a fresh world; a completed lesson is scored and its best kept', async (t) => {
  const { home, host, controller, type } = await setup(1);
  await type('cryptounit-add', ['1 2']);
  t.is(host.session?.completed, 1);
  t.regex(await type('reset'), /The lesson was reset to its start state/);
  t.is(host.session?.completed, 0);
  t.is(controller.view.selectedUnits.size, 0, 'the selection is fresh too');
  await type('cryptounit-add 5');
  await type('cryptounit-add 6');
  const done = await type('cryptounit-add 1 2');
  t.regex(done, /✔ Step 1 done/);
  const end = await type('cryptounit-rm 1 2');
  t.regex(end, /Lesson 1 complete!\nScore: 98\/100\nWhat to improve:\n {2}-2 {2}4 commands where the reference solution uses 3/);
  t.regex(end, /Type "lesson 2" for the next lesson/);
  await host.idle();
  const progress = JSON.parse(readFileSync(join(home, 'lessons', 'progress.json'), 'utf8')) as { lessons: Record<string, { best: number }> };
  t.is(progress.lessons['01-crypto-units']?.best, 98);
  t.regex(host.getModel()?.result ?? '', /^Complete! Score 98\/100 \(best 98\)/);
});

test('lesson N switches lessons; exit lesson returns to the sandbox world; lesson words then say no lesson runs', async (t) => {
  const { home, host, controller, type } = await setup(3);
  t.regex(await type('lesson 99'), /"99" is not a lesson/);
  t.regex(await type('lesson 1'), /Lesson 1: Crypto units, service instances and the selection/);
  t.is(controller.view.world?.units.length, 8);
  t.is(host.getModel()?.heading, 'Lesson 1 of 8: Crypto units, service instances and the selection');
  t.regex(await type('exit lesson'), /You left lesson 1; its progress is kept/);
  t.is(host.getModel(), null, 'the lesson panel is gone');
  t.is(controller.view.world?.units.length, 4, 'the default sandbox world');
  t.is(controller.view.world?.seed, null);
  t.true(readFileSync(join(home, 'world.json'), 'utf8').length > 0);
  t.regex(await type('hint'), /No lesson is running/);
  t.regex(await type('explain 179'), /Return code 179/, 'codes are explained without a lesson too');
  t.regex(await type('learn 2'), /Lesson 2: Signature keys and administrators/);
});

test('each lesson step that begins is marked for a recording', async (t) => {
  const { onMarker } = await import('../../src/journal/markers.ts');
  const marks: string[] = [];
  const off = onMarker((kind, label) => marks.push(`${kind}: ${label}`));
  try {
    const { host, type } = await setup(3);
    host.intro();
    await type('cryptounit-admin-add', ['3', 'carol-Train-3']);
    t.true(marks.includes('lesson-step: lesson 3 step 1: Install Carol as the third administrator'), marks.join('\n'));
    t.true(marks.some((m) => m.startsWith('lesson-step: lesson 3 step 2: ')), marks.join('\n'));
  } finally {
    off();
  }
});
