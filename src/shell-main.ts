/**
 * The plain interactive shell, as its own bundle (scripts/build.mjs builds it apart from the rest):
 * its first frame then loads a handful of modules instead of the many small chunks the one-shot
 * commands and every other front-end share. Nothing else imports it; `src/cli.ts` loads it for
 * `tkesim` alone in a terminal.
 */
import './record/plugin.ts';
import './lessons/index.ts';
import { startShell } from './shell/start.tsx';

export function runShell(env: NodeJS.ProcessEnv): Promise<number> {
  return startShell(env);
}
