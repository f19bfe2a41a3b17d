/**
 * `tkesim demo SCRIPT --check`: runs the whole script on a fresh world of its own, without a
 * terminal, and names with its line every problem a live audience would see: a prompt the script
 * has no answer for, an answer never asked for, a step that does not end as the script expects
 * (`expect:`, else OK), an answer naming an unknown training value.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePaths } from '../engine/context.ts';
import { provisioned } from '../journal/journal-start.ts';
import { restoreState } from '../journal/state-snapshot.ts';
import { homeEnv } from '../replay/index.ts';
import { ShellController } from '../shell/controller.ts';
import { shellEngine } from '../shell/engine-adapter.ts';
import { DemoRunner, type StepResult } from './demo-runner.ts';
import { readDemoScript, type DemoScript, type DemoStep, type ScriptProblem } from './demo-script.ts';

/** The line after the last `FAILED` of a step's output: what the refusal says first. */
function refusalLine(output: string): string {
  const lines = output.split('\n');
  const at = lines.map((l) => l.trim()).lastIndexOf('FAILED');
  return at < 0 ? '' : (lines.slice(at + 1).find((l) => l.trim() !== '')?.trim() ?? '');
}

/** What is wrong with one step's run, as problems with their lines. */
export function stepProblems(step: DemoStep, number: string, result: StepResult): ScriptProblem[] {
  const name = `step ${number} "${step.title}"`;
  const problems: ScriptProblem[] = [];
  const lastAnswer = step.lines.answers[step.lines.answers.length - 1] ?? step.lines.command;
  for (const prompt of result.unanswered) {
    problems.push({ line: step.lines.command, message: `${name}: "${step.command ?? ''}" asked "${prompt.split('\n')[0] ?? ''}" and the script has no answer for it (the command was cancelled); add a "> " line after line ${lastAnswer}` });
  }
  for (const line of result.unused) problems.push({ line, message: `${name}: this answer was never asked for (the command ended before it)` });
  if (result.unanswered.length > 0 || step.command === null) return problems;
  const expected = step.expect?.status ?? 'ok';
  const actual = result.outcome?.status ?? 'ok';
  const line = step.expect?.line ?? step.lines.command;
  if (actual !== expected) {
    const why = result.outcome && result.outcome.status !== 'ok' ? ` (${refusalLine(result.output) || result.outcome.message})` : '';
    problems.push({ line, message: `${name}: "${step.command}" ended ${actual.toUpperCase()}${why}; the script expects ${expected.toUpperCase()}` });
  } else if (step.expect?.text && !result.output.includes(step.expect.text)) {
    problems.push({ line, message: `${name}: the output of "${step.command}" does not contain "${step.expect.text}"` });
  }
  return problems;
}

/** Runs every step; the problems, in line order. */
export async function checkDemo(text: string, env: NodeJS.ProcessEnv): Promise<{ readonly script: DemoScript; readonly problems: readonly ScriptProblem[] }> {
  const { script, problems } = readDemoScript(text);
  process.env.TKESIM_SCRYPT_N ??= '1024';
  const home = mkdtempSync(join(tmpdir(), 'tkesim-demo-check-'));
  try {
    const demoEnv = homeEnv(env, home);
    const paths = resolvePaths(demoEnv);
    mkdirSync(paths.tkeFiles, { recursive: true, mode: 0o700 });
    restoreState(paths, { world: provisioned(script.world), files: new Map() });
    const controller = new ShellController(shellEngine(demoEnv));
    await controller.refresh(null);
    const runner = new DemoRunner(script, controller, paths, { typingMs: 0, sleep: async () => undefined });
    await runner.start();
    while (runner.view.phase === 'waiting') await runner.next();
    const found = [...problems];
    script.steps.forEach((step, i) => {
      const result = runner.results[i];
      const number = step.setup ? `setup ${i + 1}` : String(i + 1 - runner.firstStep);
      if (result) found.push(...stepProblems(step, number, result));
    });
    return { script, problems: found.sort((a, b) => a.line - b.line) };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
