/**
 * Recording in the shell: the `record start NAME`, `record stop` and `record` words, and the
 * attachment of a recording already running in this process (`--record`, a demo's take-over).
 * Every shell calls `installRecording` before its first frame.
 */
import type { ShellController } from '../shell/controller.ts';
import { activeRecorder } from './recorder.ts';
import { sessionNameProblem } from '../journal/session-files.ts';
import { startFileRecording } from './start-recording.ts';
import { recordWords } from './record-options.ts';
import { words as splitWords } from '../engine/parse.ts';

/** Clears the screen in the .cast only: a recording started mid-session starts from a clean screen. */
const CLEAR = '\u001b[H\u001b[2J';

function describe(files: { readonly cast: string | null; readonly journal: string | null }): string {
  return [files.cast, files.journal].filter((f): f is string => f !== null).join(' and ');
}

export async function installRecording(controller: ShellController, env: NodeJS.ProcessEnv): Promise<void> {
  controller.registerBuiltin('record start', async (rest, c) => {
    const words = splitWords(rest.trim());
    if (words === null) return c.log('FAILED\nA quote is not closed. Usage: record start NAME [--input] [--trainee NAME]', 'error');
    const taken = recordWords(words);
    if (typeof taken === 'string') return c.log(`FAILED\n${taken} Usage: record start NAME [--input] [--trainee NAME]`, 'error');
    const name = taken.others.join(' ');
    const problem = sessionNameProblem(name);
    if (problem) return c.log(`FAILED\n${problem}`, 'error');
    const recordInput = taken.options.input;
    if (activeRecorder()) return c.log(`FAILED\nA recording is already in progress (${describe(activeRecorder()?.files ?? { cast: null, journal: null })}). Stop it with: record stop`, 'error');
    const recorder = startFileRecording({ name, env, preamble: CLEAR, recordInput, trainee: taken.options.trainee });
    await recorder.attach(c);
    c.log(`OK\nRecording to ${describe({ cast: recorder.options.castFile, journal: recorder.options.journalFile })}. Passwords and key part values are never recorded. Stop with: record stop`);
  });
  controller.registerBuiltin('record stop', async (_rest, c) => {
    const recorder = activeRecorder();
    if (!recorder) return c.log('FAILED\nNo recording is in progress. Start one with: record start NAME', 'error');
    c.log(`OK\nThe recording was stopped after ${recorder.steps} command(s).`);
    // Let the frame with that line reach the terminal (and so the .cast) before stopping.
    await new Promise((r) => setTimeout(r, 80));
    const files = recorder.stop();
    c.log(`Recorded: ${describe(files)}\nPlay it with: tkesim replay ${files.journal ?? files.cast ?? ''}`, 'muted');
  });
  controller.registerBuiltin('record', (rest, c) => {
    const recorder = activeRecorder();
    if (rest.trim() !== '') return c.log('FAILED\nUsage: record start NAME [--input] [--trainee NAME] | record stop | record (shows whether a recording runs)', 'error');
    c.log(recorder ? `Recording to ${describe({ cast: recorder.options.castFile, journal: recorder.options.journalFile })} (${recorder.steps} command(s) so far).` : 'No recording is in progress. Start one with: record start NAME', 'muted');
  });
  const recorder = activeRecorder();
  if (recorder) await recorder.attach(controller);
}
