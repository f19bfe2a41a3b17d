/**
 * `tkesim replay FILE [--speed N] [--idle-limit S] [--from STEP] [--cast] [--record NAME]`.
 * With a journal (FILE.journal.jsonl, or a .cast beside one): the journal player, with instant
 * seeking and `t` to take over. Otherwise any asciicast v2 or v3 file plays in the terminal.
 * Without a terminal, a journal is re-executed and checked (exit 1 if a step differs) and a .cast
 * is printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseCast } from './cast-format.ts';
import { playCast } from './cast-player.ts';
import { parseJournal } from './journal-format.ts';
import { journalFor, loadTraining } from './replay-files.ts';
import { loadReplay, type Replay } from './replay-engine.ts';
import { takeOverGreeting } from './replay-greeting.ts';
import { secretsToAsk, type StandIn } from './secret-supply.ts';
import { printReplay } from './replay-print.ts';
import { journalTimeline } from './replay-view.ts';
import { initialPlayer, playerReducer } from './timeline.ts';
import { parseReplayArgs, REPLAY_USAGE, type ReplayArgs } from './replay-args.ts';

export async function replayCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = parseReplayArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`tkesim replay: ${args}\n${REPLAY_USAGE}\n`);
    return 2;
  }
  const journalFile = args.castOnly ? null : journalFor(args.file);
  const castFile = journalFile === null ? args.file : null;
  try {
    if (castFile !== null) return await replayCast(castFile, args);
    if (journalFile === null) throw new Error('unreachable');
    return await replayJournal(journalFile, args, env);
  } catch (e) {
    const message = (e as Error).message;
    process.stderr.write(`tkesim replay: ${message.includes(args.file) ? message : `${args.file}: ${message}`}\n`);
    return 1;
  }
}

async function replayCast(file: string, args: ReplayArgs): Promise<number> {
  if (!existsSync(file)) throw new Error(`${file} was not found.`);
  const cast = parseCast(readFileSync(file, 'utf8'));
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    for (const e of cast.events) if (e.code === 'o') process.stdout.write(e.data);
    return 0;
  }
  return playCast(cast, { speed: args.speed, idleLimit: args.idleLimit, from: args.from, title: basename(file), stdout: process.stdout, stdin: process.stdin });
}

async function replayJournal(file: string, args: ReplayArgs, env: NodeJS.ProcessEnv): Promise<number> {
  const journal = parseJournal(readFileSync(file, 'utf8'));
  const training = loadTraining(file, journal.header.demo);
  const tty = process.stdout.isTTY && process.stdin.isTTY;
  const secrets = tty ? await askSecrets(secretsToAsk(journal, training)) : new Map<number, string>();
  const total = journal.entries.filter((e) => e.type !== 'marker').length;
  const progress = tty && total > 20
    ? (done: number, all: number) => void process.stderr.write(`\rRe-executing the recording: ${done}/${all}${done === all ? '\n' : ''}`)
    : undefined;
  const replay = await loadReplay(journal, { env, training, secrets, onProgress: progress });
  try {
    if (!tty) return printReplay(replay, process.stdout);
    return await playJournal(replay, file, args, env);
  } finally {
    replay.dispose();
  }
}

/** Asks the viewer for the secrets a stand-in cannot replace (Enter: use a stand-in). */
async function askSecrets(wanted: readonly StandIn[]): Promise<Map<number, string>> {
  const given = new Map<number, string>();
  if (wanted.length === 0) return given;
  const { terminalIo } = await import('../oneshot/terminal-io.ts');
  const io = terminalIo(process.stdin, process.stdout);
  io.print('This recording opens files whose passwords it does not keep, or enters key part values. Type them to replay it exactly; press Enter to use a stand-in (the steps that need them will then differ).');
  for (const s of wanted) {
    const value = await io.ask({ kind: 'secret', prompt: `step ${s.step} ${s.line}: ${s.prompt}`, label: 'password' });
    if (value === null) break;
    if (value !== '') given.set(s.slot, value);
  }
  return given;
}

async function playJournal(replay: Replay, file: string, args: ReplayArgs, env: NodeJS.ProcessEnv): Promise<number> {
  const { runReplayApp } = await import('./replay-app.tsx');
  const timeline = journalTimeline(replay, args.idleLimit);
  const start = playerReducer(timeline, initialPlayer(args.speed), { type: 'seek-step', step: args.from });
  const title = replay.journal.header.title || basename(file);
  const chosen = await runReplayApp({ replay, timeline, initial: start, title }, env);
  if (chosen.kind === 'quit') return 0;
  const frame = replay.frames[chosen.step];
  if (!frame) return 0;
  const { takeOver } = await import('./take-over.ts');
  return takeOver({ env, from: { state: frame.state }, greeting: takeOverGreeting(replay, chosen.step, title), record: args.record ?? undefined });
}
