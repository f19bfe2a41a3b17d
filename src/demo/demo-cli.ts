/**
 * `tkesim demo SCRIPT [--from N] [--check] [--notes] [--record NAME] [--input] [--typing MS] [--auto SECONDS]`:
 * runs a demo script on a fresh seeded world of its own, one step per key press; `t` takes over
 * live and `exit` there returns to the script. `tkesim presenter` follows it from another terminal.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolvePaths } from '../engine/context.ts';
import { parseDemoScript, type DemoScript } from './demo-script.ts';
import { provisioned } from '../journal/journal-start.ts';
import { activeRecorder, withRecording } from '../record/index.ts';
import { captureState, restoreState } from '../journal/state-snapshot.ts';
import { homeEnv, takeOver } from '../replay/index.ts';
import { DEMO_USAGE, parseDemoArgs, type DemoArgs } from './demo-args.ts';

export { DEMO_USAGE } from './demo-args.ts';

export async function demoCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = parseDemoArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`tkesim demo: ${args}\n${DEMO_USAGE}\n`);
    return 2;
  }
  if ('help' in args) {
    process.stdout.write(`${DEMO_USAGE}\n`);
    return 0;
  }
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    process.stderr.write(`tkesim demo: ${args.file}: ${(e as Error).message}\n`);
    return 2;
  }
  if (args.check) return (await import('./demo-check-cli.ts')).checkCommand(args.file, text, env);
  let script: DemoScript;
  try {
    script = parseDemoScript(text);
  } catch (e) {
    process.stderr.write(`tkesim demo: ${args.file}: ${(e as Error).message}\n`);
    return 2;
  }
  const total = script.steps.filter((s) => !s.setup).length;
  if (args.from > total) {
    process.stderr.write(`tkesim demo: --from ${args.from}: the script has ${total} steps\n`);
    return 2;
  }
  if (!process.stdout.isTTY && args.auto === null) {
    process.stderr.write('tkesim demo needs a terminal (or --auto SECONDS to run unattended; --check to check the script).\n');
    return 2;
  }
  const run = () => runDemo(script, resolve(args.file), args, env);
  return args.record && !activeRecorder() ? withRecording({ name: args.record, env, recordInput: args.input }, run) : run();
}

async function runDemo(script: DemoScript, file: string, args: DemoArgs, outer: NodeJS.ProcessEnv): Promise<number> {
  // A demo's files are throw-away: a cheap key derivation keeps the steps snappy.
  process.env.TKESIM_SCRYPT_N ??= '1024';
  const home = mkdtempSync(join(tmpdir(), 'tkesim-demo-'));
  const presenterHome = resolvePaths(outer).home;
  const [{ ShellController }, { shellEngine }, { runDemoApp }, { DemoRunner }, channel, { askReturn, returnQuestion, takeOverGreeting }] = await Promise.all([
    import('../shell/controller.ts'), import('../shell/engine-adapter.ts'), import('./demo-app.tsx'), import('./demo-runner.ts'),
    import('./presenter-channel.ts'), import('./demo-take-over.ts'),
  ]);
  let unsubscribe = () => {};
  try {
    const env = homeEnv(outer, home);
    const paths = resolvePaths(env);
    mkdirSync(paths.tkeFiles, { recursive: true, mode: 0o700 });
    restoreState(paths, { world: provisioned(script.world), files: new Map() });
    const controller = new ShellController(shellEngine(env));
    await controller.refresh(null);
    await activeRecorder()?.attach(controller, { demo: file });
    const runner = new DemoRunner(script, controller, paths, { typingMs: args.typingMs });
    const before = runner.firstStep + args.from - 1;
    if (before > 0) process.stdout.write(`Preparing the demo (${before} steps)...\n`);
    await runner.start(args.from);
    await controller.submit('clear');
    const done = script.steps.slice(0, before);
    runner.say(`tkesim demo: ${script.title} (${runner.total} steps, seeded world "${script.world.seed ?? ''}").`);
    if (done.length) runner.say(`Already done: ${done.length} step${done.length === 1 ? '' : 's'} (${done[0]?.title ?? ''}${done.length > 1 ? ` … ${done[done.length - 1]?.title ?? ''}` : ''}).`);
    runner.say('Space (or Enter, →, ↓, PgDn) runs the next step; b (or ←, ↑, PgUp) goes back.');

    const startedAt = Date.now();
    let last = '';
    const publish = () => {
      const state = channel.presenterState(script, runner.view, runner.firstStep, startedAt);
      const text = JSON.stringify(state);
      if (text === last) return;
      last = text;
      try {
        channel.publishPresenter(presenterHome, state);
      } catch { /* the presenter view is optional: a home that cannot be written does not stop the demo */ }
    };
    unsubscribe = runner.subscribe(publish);
    publish();
    for (;;) {
      const exit = await runDemoApp({ runner, controller, notes: args.notes, auto: args.auto }, env);
      if (exit !== 'take-over') return 0;
      const step = runner.view.done - runner.firstStep;
      const state = runner.savedState() ?? (await captureState(paths));
      await takeOver({ env: outer, from: { state }, greeting: takeOverGreeting(script, step, runner.total) });
      if (!(await askReturn(returnQuestion(step, runner.total)))) return 0;
      await controller.refresh(null);
      await activeRecorder()?.attach(controller, { demo: file });
      runner.say(`(back in the script after step ${step}: the changes made live were discarded)`, true);
    }
  } finally {
    unsubscribe();
    channel.unpublishPresenter(presenterHome);
    rmSync(home, { recursive: true, force: true });
  }
}
