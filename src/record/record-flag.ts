/**
 * `tkesim --record NAME [--input] [ARGS...]`: runs tkesim (the shell when ARGS is empty, or a demo,
 * a lesson, a replay) while recording NAME.cast and NAME.journal.jsonl. And the other side of
 * `tkesim record`: a tkesim started by it journals and sends markers to its parent.
 */
import { CHANNEL_ENV } from './record-channel.ts';
import { sessionNameProblem } from '../journal/session-files.ts';
import { INPUT_ENV, JOURNAL_ENV, startChannelRecording, withRecording } from './start-recording.ts';

export async function recordFlag(args: string[], env: NodeJS.ProcessEnv, run: (rest: string[]) => Promise<number>): Promise<number> {
  const [name, ...rest] = args;
  const problem = sessionNameProblem(name);
  if (problem || name === undefined) {
    process.stderr.write(`tkesim --record: ${problem ?? ''}\nUsage: tkesim --record NAME [--input] [tkesim arguments]\n`);
    return 2;
  }
  const recordInput = rest[0] === '--input';
  return withRecording({ name, env, recordInput }, () => run(recordInput ? rest.slice(1) : rest));
}

/** Under `tkesim record`: journal to the file it names, send markers through the terminal. */
export async function withChannel(env: NodeJS.ProcessEnv, run: () => Promise<number>): Promise<number> {
  const recorder = startChannelRecording(env);
  // Not passed on: a tkesim this one starts is not part of the recording.
  delete env[CHANNEL_ENV];
  delete env[JOURNAL_ENV];
  delete env[INPUT_ENV];
  try {
    return await run();
  } finally {
    recorder?.stop();
  }
}
