/** `tkesim presenter`: the presenter view beside a running demo (without a terminal: one snapshot as text). */
import { FRONT_END_HELP } from '../commands/front-end-help.ts';
import { resolvePaths } from '../engine/context.ts';
import { demoAlive, readPresenter } from './presenter-channel.ts';
import { presenterLines } from './presenter-view.ts';

export const PRESENTER_USAGE = FRONT_END_HELP.presenter ?? 'USAGE: tkesim presenter';

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
