/**
 * `tkesim --record NAME [--input] [ARGS...]`: runs tkesim (the shell when ARGS is empty, or a demo,
 * a lesson, a replay) while recording NAME.cast and NAME.journal.jsonl. And the other side of
 * `tkesim record`: a tkesim started by it journals and sends markers to its parent.
 */
import { CHANNEL_ENV } from './record-channel.ts';
import { sessionNameProblem } from '../journal/session-files.ts';
import { takeRecordOptions } from './record-options.ts';
import { INPUT_ENV, JOURNAL_ENV, TRAINEE_ENV, startChannelRecording, withRecording } from './start-recording.ts';

export async function recordFlag(args: string[], env: NodeJS.ProcessEnv, run: (rest: string[]) => Promise<number>): Promise<number> {
  const [name, ...more] = args;
  const taken = takeRecordOptions(more);
  const problem = sessionNameProblem(name) ?? (typeof taken === 'string' ? taken : null);
  if (problem || name === undefined || typeof taken === 'string') {
    process.stderr.write(`tkesim --record: ${problem ?? ''}\nUsage: tkesim --record NAME [--input] [--trainee NAME] [tkesim arguments]\n`);
    return 2;
  }
  const { options, rest } = taken;
  return withRecording({ name, env, recordInput: options.input, trainee: options.trainee }, () => run(rest));
}

/** Under `tkesim record`: journal to the file it names, send markers through the terminal. */
export async function withChannel(env: NodeJS.ProcessEnv, run: () => Promise<number>): Promise<number> {
  const recorder = startChannelRecording(env);
  // Not passed on: a tkesim this one starts is not part of the recording.
  delete env[CHANNEL_ENV];
  delete env[JOURNAL_ENV];
  delete env[INPUT_ENV];
  delete env[TRAINEE_ENV];
  try {
    return await run();
  } finally {
    recorder?.stop();
  }
}
