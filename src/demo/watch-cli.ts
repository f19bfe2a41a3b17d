/** `tkesim watch`: the world in large type, following other terminals live (needs a terminal). */
import { FRONT_END_HELP } from '../commands/front-end-help.ts';

export const WATCH_USAGE = FRONT_END_HELP.watch ?? 'USAGE: tkesim watch';

export async function watchCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${WATCH_USAGE}\n`);
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(`tkesim watch: unexpected ${JSON.stringify(argv[0])}\n${WATCH_USAGE}\n`);
    return 2;
  }
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write('tkesim watch needs a terminal (try "tkesim cryptounits" for the same facts as text).\n');
    return 2;
  }
  return (await import('./watch-app.tsx')).runWatchApp(env);
}
