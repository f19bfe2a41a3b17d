/**
 * Starting a recording in this process: to files (`--record NAME`, `record start NAME`, a demo's
 * `--record`), or, under `tkesim record`, as a channel to the parent that writes the .cast.
 */
import { basename } from 'node:path';
import { CastWriter, monotonicClock } from './cast-writer.ts';
import { CHANNEL_ENV, ChannelSink } from './record-channel.ts';
import { activeRecorder, Recorder } from './recorder.ts';
import { sessionFiles } from '../journal/session-files.ts';
import { redactTerminal, tapTerminal } from './terminal-tap.ts';

export const JOURNAL_ENV = 'TKESIM_RECORD_JOURNAL';
export const INPUT_ENV = 'TKESIM_RECORD_INPUT';
export const TRAINEE_ENV = 'TKESIM_RECORD_TRAINEE';

export interface FileRecordingOptions {
  readonly name: string;
  readonly env: NodeJS.ProcessEnv;
  readonly title?: string;
  /** Also record keystrokes ("i" events), never while a secret is typed. */
  readonly recordInput?: boolean;
  readonly stdout?: NodeJS.WriteStream;
  readonly stdin?: NodeJS.ReadStream;
  /** Written first into the .cast only: a recording that starts mid-screen starts from a clear one. */
  readonly preamble?: string;
  /** Who is recorded (default: the login name). */
  readonly trainee?: string;
}

export function startFileRecording(o: FileRecordingOptions): Recorder {
  const existing = activeRecorder();
  if (existing) throw new Error(`A recording is already in progress (${existing.options.castFile ?? existing.options.journalFile}).`);
  const files = sessionFiles(o.name);
  const stdout = o.stdout ?? process.stdout;
  const clock = monotonicClock();
  const title = o.title ?? `tkesim: ${basename(files.base)}`;
  const cast = new CastWriter(files.cast, { width: stdout.columns || 80, height: stdout.rows || 24, title, env: o.env, clock });
  if (o.preamble) cast.output(o.preamble);
  let untap = () => undefined as void;
  const recorder: Recorder = new Recorder({
    sink: cast, castFile: files.cast, journalFile: files.journal, title, env: o.env, clock, trainee: o.trainee,
    onStop: () => untap(),
  });
  untap = tapTerminal(cast, { stdout, stdin: o.stdin ?? process.stdin, recordInput: o.recordInput, inputAllowed: () => recorder.inputAllowed() });
  return recorder;
}

/** Under `tkesim record`: the parent writes the .cast; this process writes the journal. */
export function startChannelRecording(env: NodeJS.ProcessEnv): Recorder | null {
  const journalFile = env[JOURNAL_ENV];
  if (env[CHANNEL_ENV] !== '1' || !journalFile || activeRecorder()) return null;
  const write = process.stdout.write.bind(process.stdout);
  const title = `tkesim: ${basename(journalFile).replace(/\.journal\.jsonl$/, '')}`;
  // The parent records this terminal's output: it passes the session's redaction here, in the
  // only process that knows the secrets.
  const untap = redactTerminal(process.stdout);
  const trainee = env[TRAINEE_ENV] || undefined;
  return new Recorder({ sink: new ChannelSink((text) => void write(text)), castFile: null, journalFile, title, env, onStop: untap, trainee });
}

/** Runs `fn` with a recording to NAME; stops it (if still running) when `fn` ends. */
export async function withRecording(o: FileRecordingOptions, fn: () => Promise<number>): Promise<number> {
  let recorder: Recorder;
  try {
    recorder = startFileRecording(o);
  } catch (e) {
    process.stderr.write(`tkesim: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    return await fn();
  } finally {
    const files = recorder.stop();
    const written = [files.cast, files.journal].filter((f): f is string => f !== null);
    process.stderr.write(`Recorded: ${written.join(' and ')}\n`);
  }
}
