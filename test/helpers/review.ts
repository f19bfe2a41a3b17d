/**
 * Recordings for the review tests, made in-process (a shell controller and a recorder with a fake
 * clock): one with known mistakes, one lesson attempt, one clean session. Each returns its journal
 * and every secret typed in it, so tests can prove none of them leaves the recording.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LessonHost } from '../../src/lessons/host.ts';
import { registerLessonBuiltins } from '../../src/lessons/lesson-builtins.ts';
import { FRANK } from '../../src/lessons/training.ts';
import { CastWriter } from '../../src/record/cast-writer.ts';
import { Recorder } from '../../src/record/recorder.ts';
import { ShellController } from '../../src/shell/controller.ts';
import { shellEngine } from '../../src/shell/engine-adapter.ts';
import { run, workspace } from './session.ts';

export interface Recording {
  readonly journal: string;
  readonly cast: string;
  /** Every secret typed in the session. */
  readonly secrets: readonly string[];
}

async function recordOn(controller: ShellController, env: NodeJS.ProcessEnv, dir: string, name: string, trainee: string, script: () => Promise<void>): Promise<Recording> {
  const journal = join(dir, `${name}.journal.jsonl`);
  const cast = join(dir, `${name}.cast`);
  let t = 0;
  const clock = () => (t += 0.5);
  const sink = new CastWriter(cast, { width: 110, height: 42, clock });
  const recorder = new Recorder({ sink, castFile: cast, journalFile: journal, title: name, env, clock, trainee });
  try {
    await recorder.attach(controller);
    await script();
  } finally {
    recorder.stop();
  }
  return { journal, cast, secrets: [] };
}

export const MISTAKES_SECRETS = {
  alice: 'Alice-Secret-pw-7',
  bob: 'Bob-Secret-pw-8',
  shared: 'Shared-Secret-pw-5',
  wrong: 'Wrong-Secret-pw-9',
  three: 'Three-Secret-pw-3',
  four: 'Four-Secret-pw-4',
} as const;

/**
 * A key-part ceremony with known mistakes, under thresholds 2/2: step 4 a wrong password; step 10
 * the same password for two custodians' key parts; step 13 a commit refused (208: one signer of
 * two); step 22 a setimm with keys in storage (they become unreadable).
 */
export async function recordMistakes(dir: string, name = 'mistakes', trainee = 'Ann Lee'): Promise<Recording> {
  const w = await workspace(`review-${name}`);
  const { alice: A, bob: B, shared: S, wrong, three, four } = MISTAKES_SECRETS;
  const lines: [string, string[]][] = [
    ['cryptounit-add', ['1 2']],
    ['sigkey-add', ['Alice', A, A]],
    ['sigkey-add', ['Bob', B, B]],
    ['sigkey-sel', ['1 2', wrong]],
    ['sigkey-sel', ['1 2', A, B]],
    ['cryptounit-admin-add', ['1', A]],
    ['cryptounit-admin-add', ['2', B]],
    ['cryptounit-thrhld-set', ['2', '2', A, B]],
    ['mk-add --random', ['one', S, S]],
    ['mk-add --random', ['two', S, S]],
    ['cryptounit-mk-load', ['1 2', A, S, S]],
    ['sigkey-sel', ['1', A]],
    ['cryptounit-mk-commit', [A]],
    ['sigkey-sel', ['1 2', A, B]],
    ['cryptounit-mk-commit', [A, B]],
    ['cryptounit-mk-setimm', ['y', A, B]],
    ['sim keys create 5', []],
    ['mk-add --random', ['three', three, three]],
    ['mk-add --random', ['four', four, four]],
    ['cryptounit-mk-load', ['3 4', A, three, four]],
    ['cryptounit-mk-commit', [A, B]],
    ['cryptounit-mk-setimm', ['y', A, B]],
  ];
  const rec = await recordOn(w.controller, w.env, dir, name, trainee, async () => {
    for (const [line, answers] of lines) await run(w.controller, line, answers);
  });
  return { ...rec, secrets: Object.values(MISTAKES_SECRETS) };
}

/** Lesson 4 with two hints, one shared password and a usage error; returns the lesson's own score too. */
export async function recordLesson(dir: string, name = 'lesson', trainee = 'Bo Chen'): Promise<Recording & { readonly lessonScore: number | null }> {
  const home = mkdtempSync(join(tmpdir(), 'tkesim-review-lesson-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TKESIM_HOME: home };
  delete env.TKESIM_SEED;
  delete env.CLOUDTKEFILES;
  const host = new LessonHost(env);
  const controller = new ShellController(await host.start(4));
  await controller.refresh(null);
  registerLessonBuiltins(controller, host, () => shellEngine(env));
  const S = 'Lesson-Shared-pw-6';
  const rec = await recordOn(controller, env, dir, name, trainee, async () => {
    await controller.submit('hint');
    await run(controller, 'mk-add --random', ['part Dave', S, S]);
    await run(controller, 'mk-add --random', ['part Erin', S, S]);
    await run(controller, 'cryptounits');
    await run(controller, 'mk-add --bogus');
    await controller.submit('hint');
    await run(controller, 'mk-add --value', [FRANK.value, 'part Frank', FRANK.password, FRANK.password]);
    await host.idle();
  });
  const lessonScore = host.session?.score?.points ?? null;
  // The lesson ends here: recordings made later in this process are not of a lesson.
  host.leave();
  return { ...rec, secrets: [S, FRANK.password, FRANK.value], lessonScore };
}

/** A short clean session: select the units, look at them. */
export async function recordClean(dir: string, name = 'clean', trainee = 'Cy Diaz'): Promise<Recording> {
  const w = await workspace(`review-${name}`);
  const rec = await recordOn(w.controller, w.env, dir, name, trainee, async () => {
    await run(w.controller, 'cryptounit-add', ['1 2']);
    await run(w.controller, 'cryptounits');
  });
  return { ...rec, secrets: [] };
}

export function tempDir(prefix = 'tkesim-review-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
