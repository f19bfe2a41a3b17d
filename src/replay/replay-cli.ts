/**
 * `tkesim replay FILE [--speed N] [--idle-limit S] [--from STEP] [--cast] [--record NAME]`.
 * With a journal (FILE.journal.jsonl, or a .cast beside one): the journal player, with instant
 * seeking and `t` to take over. Otherwise any asciicast v2 or v3 file plays in the terminal.
 * Players show the recorded views (nothing is re-executed, nothing is asked); only take-over
 * rebuilds a state; `--cast` plays the terminal recording, and takes over from the journal beside it.
 * A terminal smaller than a cast's shows it through a viewport. Without a terminal, a journal's transcript is printed with its integrity
 * (exit 1 when it is not as recorded) and a .cast is printed.
 */
import { basename } from 'node:path';
import { CastError, parseCast } from '../journal/cast-format.ts';
import { playCast } from './cast-player.ts';
import { readJournal } from '../journal/journal-chain.ts';
import { journalBeside, journalFor, loadTraining, readRecording } from './replay-files.ts';
import { recordedReplay, type RecordedFrame, type RecordedReplay } from '../journal/recorded-replay.ts';
import { takeOverGreeting } from './replay-greeting.ts';
import { printReplay } from './replay-print.ts';
import { journalTimeline } from './replay-view.ts';
import { initialPlayer, playerReducer } from '../journal/timeline.ts';
import { parseReplayArgs, REPLAY_USAGE, type ReplayArgs } from './replay-args.ts';

/** Loads what every shell plugs in (the entry's plug-ins): the player needs none; a take-over opens a shell. */
export type BeforeShell = () => Promise<void>;

export async function replayCommand(argv: string[], env: NodeJS.ProcessEnv, beforeShell: BeforeShell = async () => undefined): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${REPLAY_USAGE}\n`);
    return 0;
  }
  const args = parseReplayArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`tkesim replay: ${args}\n${REPLAY_USAGE}\n`);
    return 2;
  }
  const journalFile = args.castOnly ? null : journalFor(args.file);
  const castFile = journalFile === null ? args.file : null;
  try {
    if (castFile !== null) return await replayCast(castFile, args, env, beforeShell);
    if (journalFile === null) throw new Error('unreachable');
    return await replayJournal(journalFile, args, env, beforeShell);
  } catch (e) {
    const message = (e as Error).message;
    process.stderr.write(`tkesim replay: ${message.includes(args.file) ? message : `${args.file}: ${message}`}\n`);
    return 1;
  }
}

async function replayCast(file: string, args: ReplayArgs, env: NodeJS.ProcessEnv, beforeShell: BeforeShell): Promise<number> {
  let cast;
  try {
    cast = parseCast(readRecording(file));
  } catch (e) {
    if (e instanceof CastError) throw new Error(`${file} is not an asciicast recording: ${e.message}`);
    throw e;
  }
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    for (const e of cast.events) if (e.code === 'o') process.stdout.write(e.data);
    return 0;
  }
  // With --cast, the journal beside the cast (when there is one) is what take-over continues from.
  const journalFile = journalBeside(file);
  const exit = await playCast(cast, { speed: args.speed, idleLimit: args.idleLimit, from: args.from, title: basename(file), stdout: process.stdout, stdin: process.stdin, canTakeOver: journalFile !== null });
  switch (exit.kind) {
    case 'quit':
      return 0;
    case 'too-small':
      throw new Error(`${exit.sentence} Enlarge the window, or print it with: tkesim replay ${file} --cast </dev/null`);
    case 'take-over': {
      if (journalFile === null) return 0;
      const replay = recordedReplay(readJournal(readRecording(journalFile)));
      const frame = [...replay.frames].reverse().find((f) => f.kind === 'command' && f.step <= exit.step) ?? replay.frames[0];
      return frame ? takeOverAt(replay, frame, journalFile, args, env, beforeShell) : 0;
    }
  }
}

async function replayJournal(file: string, args: ReplayArgs, env: NodeJS.ProcessEnv, beforeShell: BeforeShell): Promise<number> {
  const replay = recordedReplay(readJournal(readRecording(file)));
  const tty = process.stdout.isTTY && process.stdin.isTTY;
  if (!tty) return printReplay(replay, process.stdout);
  return playJournal(replay, file, args, env, beforeShell);
}

async function playJournal(replay: RecordedReplay, file: string, args: ReplayArgs, env: NodeJS.ProcessEnv, beforeShell: BeforeShell): Promise<number> {
  const { runReplayApp } = await import('./replay-app.tsx');
  const timeline = journalTimeline(replay, args.idleLimit);
  const start = playerReducer(timeline, initialPlayer(args.speed), { type: 'seek-step', step: args.from });
  const title = replay.journal.header.title || basename(file);
  const chosen = await runReplayApp({ replay, timeline, initial: start, title }, env);
  if (chosen.kind === 'quit') return replay.tampered ? 1 : 0;
  const frame = replay.frames[chosen.step];
  if (!frame) return 0;
  return takeOverAt(replay, frame, file, args, env, beforeShell);
}

/** Leaves the player for a live shell on a copy of the state after `frame`. */
async function takeOverAt(replay: RecordedReplay, frame: RecordedFrame, file: string, args: ReplayArgs, env: NodeJS.ProcessEnv, beforeShell: BeforeShell): Promise<number> {
  const title = replay.journal.header.title || basename(file);
  const training = loadTraining(file, replay.journal.header.demo);
  // Re-executing needs the engine and every command: loaded only now, never to play.
  const { takeOverStart } = await import('./take-over-state.ts');
  const begin = await takeOverStart(replay.journal, frame.step, frame.view, env, training);
  const { takeOver } = await import('./take-over.ts');
  await beforeShell();
  const greeting = takeOverGreeting({ ...begin.facts, title, steps: replay.frames.length - 1 });
  return takeOver({ env, from: { state: begin.state }, greeting, record: args.record ?? undefined });
}
