/**
 * One TKE command, like `ibmcloud tke <command>`: `--help`, `--version`, or the command run with
 * answers from the terminal (without echo) or standard input. Exit 0 (OK), 1 (FAILED), 2 (usage).
 */
import { CATALOGUE, helpText } from '../commands/help.ts';
import { createContext, resolvePaths } from '../engine/context.ts';
import { exitCode } from '../engine/outcome.ts';
import { runArgv } from '../engine/run.ts';
import { clearProgress, publishingIo } from '../journal/progress-file.ts';
import { terminalIo } from './terminal-io.ts';

export async function runOneShot(argv: string[]): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(`${helpText()}\n`);
    return 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    process.stdout.write(`tkesim ${process.env.TKESIM_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  // Keystrokes are read without echo from here on: answers typed ahead stay hidden and in order.
  const io = terminalIo(process.stdin, process.stdout);
  // Signature progress is published in TKESIM_HOME for `tkesim watch` in another terminal.
  const home = resolvePaths(process.env).home;
  try {
    let ctx;
    try {
      ctx = createContext(publishingIo(io, home, argv[0] ?? ''), process.env);
    } catch (e) {
      process.stdout.write(`FAILED\n${(e as Error).message}\n`);
      return 1;
    }
    return exitCode(await runArgv(ctx, argv, CATALOGUE));
  } finally {
    io.close();
    clearProgress(home);
  }
}
