/** `tkesim presenter`: the presenter view beside a running demo (without a terminal: one snapshot as text). */
import { resolvePaths } from '../engine/context.ts';
import { demoAlive, readPresenter } from './presenter-channel.ts';
import { presenterLines } from './presenter-view.ts';

export const PRESENTER_USAGE = [
  'Usage: tkesim presenter',
  '  In a second terminal beside `tkesim demo SCRIPT` (same TKESIM_HOME): the step on the audience\'s',
  '  screen with its speaker notes, the next step, the time elapsed and the demo\'s keys; it follows',
  '  the demo live. Read-only; q closes it. Without a terminal it prints what it would show, once.',
].join('\n');

export async function presenterCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${PRESENTER_USAGE}\n`);
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(`tkesim presenter: unexpected ${JSON.stringify(argv[0])}\n${PRESENTER_USAGE}\n`);
    return 2;
  }
  const home = resolvePaths(env).home;
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    const state = readPresenter(home);
    const alive = state !== null && demoAlive(state);
    process.stdout.write(`${presenterLines(state, alive, Date.now(), 80, home).map((l) => l.text).join('\n')}\n`);
    return alive ? 0 : 1;
  }
  return (await import('./presenter-app.tsx')).runPresenterApp(home, env);
}
