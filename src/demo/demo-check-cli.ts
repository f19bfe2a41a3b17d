/** Prints what `checkDemo` found: one line per problem, with its line number; exit 0 only when clean. */
import { DemoScriptError } from './demo-script.ts';
import { checkDemo } from './demo-check.ts';

export async function checkCommand(file: string, text: string, env: NodeJS.ProcessEnv): Promise<number> {
  let found;
  try {
    found = await checkDemo(text, env);
  } catch (e) {
    if (!(e instanceof DemoScriptError)) throw e;
    process.stdout.write(`${file}: ${e.message}\n1 problem: the script cannot run.\n`);
    return 1;
  }
  const { script, problems } = found;
  const setup = script.steps.filter((s) => s.setup).length;
  process.stdout.write(`Checked ${file}: ${script.steps.length - setup} steps${setup ? ` and ${setup} setup steps` : ''}, run on a fresh world.\n`);
  for (const p of problems) process.stdout.write(`${file}:${p.line}: ${p.message}\n`);
  process.stdout.write(problems.length === 0 ? 'OK: every step ran as the script expects.\n' : `${problems.length} problem${problems.length === 1 ? '' : 's'}.\n`);
  return problems.length === 0 ? 0 : 1;
}
