/**
 * `tkesim demo SCRIPT [--record NAME] [--input] [--typing MS] [--auto SECONDS] [--notes]`: runs a
 * demo script on a fresh seeded world of its own, one step per key press; `t` takes over live.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolvePaths } from '../engine/context.ts';
import { parseDemoScript, type DemoScript } from './demo-script.ts';
import { provisioned } from '../journal/journal-start.ts';
import { activeRecorder, withRecording } from '../record/index.ts';
import { restoreState } from '../journal/state-snapshot.ts';
import { homeEnv, takeOver } from '../replay/index.ts';

export const DEMO_USAGE = 'Usage: tkesim demo SCRIPT [--record NAME] [--input] [--typing MS] [--auto SECONDS] [--notes]\n' +
  '  Keys: any key runs the next step · b back a step · t take over live · q quit';

interface DemoArgs {
  readonly file: string;
  readonly record: string | null;
  readonly input: boolean;
  readonly typingMs: number;
  readonly auto: number | null;
  readonly notes: boolean;
}

function parseArgs(argv: readonly string[]): DemoArgs | string {
  let file: string | null = null;
  let record: string | null = null;
  let input = false;
  let typingMs = 35;
  let auto: number | null = null;
  let notes = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const num = (min: number, max: number) => {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${a} needs a number from ${min} to ${max}.`);
      return n;
    };
    try {
      if (a === '--record') record = argv[++i] ?? '';
      else if (a === '--input') input = true;
      else if (a === '--typing') typingMs = num(0, 1000);
      else if (a === '--auto') auto = num(0, 600);
      else if (a === '--notes') notes = true;
      else if (a.startsWith('-')) return `unknown option ${JSON.stringify(a)}`;
      else if (file === null) file = a;
      else return 'one script at a time';
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (file === null) return 'which demo script?';
  if (record === '') return '--record needs a session name';
  return { file, record, input, typingMs, auto, notes };
}

export async function demoCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`tkesim demo: ${args}\n${DEMO_USAGE}\n`);
    return 2;
  }
  let script: DemoScript;
  try {
    script = parseDemoScript(readFileSync(args.file, 'utf8'));
  } catch (e) {
    process.stderr.write(`tkesim demo: ${args.file}: ${(e as Error).message}\n`);
    return 2;
  }
  if (!process.stdout.isTTY && args.auto === null) {
    process.stderr.write('tkesim demo needs a terminal (or --auto SECONDS to run unattended).\n');
    return 2;
  }
  const run = () => runDemo(script, resolve(args.file), args, env);
  return args.record && !activeRecorder() ? withRecording({ name: args.record, env, recordInput: args.input }, run) : run();
}

async function runDemo(script: DemoScript, file: string, args: DemoArgs, outer: NodeJS.ProcessEnv): Promise<number> {
  // A demo's files are throw-away: a cheap key derivation keeps the steps snappy.
  process.env.TKESIM_SCRYPT_N ??= '1024';
  const home = mkdtempSync(join(tmpdir(), 'tkesim-demo-'));
  try {
    const env = homeEnv(outer, home);
    const paths = resolvePaths(env);
    mkdirSync(paths.tkeFiles, { recursive: true, mode: 0o700 });
    restoreState(paths, { world: provisioned(script.world), files: new Map() });
    const [{ ShellController }, { shellEngine }, { runDemoApp }, { DemoRunner }] = await Promise.all([
      import('../shell/controller.ts'), import('../shell/engine-adapter.ts'), import('./demo-app.tsx'), import('./demo-runner.ts'),
    ]);
    const controller = new ShellController(shellEngine(env));
    await controller.refresh(null);
    controller.log(`tkesim demo: ${script.title} (${script.steps.length} steps, seeded world "${script.world.seed ?? ''}")`, 'muted');
    await activeRecorder()?.attach(controller, { demo: file });
    const runner = new DemoRunner(script, controller, paths, { typingMs: args.typingMs });
    if (runner.firstStep > 0) {
      process.stdout.write(`Preparing the demo (${runner.firstStep} setup steps)...\n`);
      await runner.start();
      await controller.submit('clear');
      controller.log(`tkesim demo: ${script.title}. Already done (setup): ${script.steps.slice(0, runner.firstStep).map((s) => s.title).join('; ')}.`, 'muted');
    }
    const exit = await runDemoApp({ runner, controller, notes: args.notes, auto: args.auto }, env);
    if (exit !== 'take-over') return 0;
    const greeting = `You took over the demo "${script.title}" after step ${runner.view.done - runner.firstStep} of ${script.steps.length - runner.firstStep}. Passwords are the script's training values. Type "help" for the commands, "exit" to leave.`;
    return await takeOver({ env, from: { home }, greeting });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
