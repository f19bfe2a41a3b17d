/** What the shell says after a take-over: where the user is, and how to open the files there. */
import type { Replay } from './replay-engine.ts';

const SHOWN = 6;

export function takeOverGreeting(replay: Replay, step: number, title: string): string {
  const lines = [
    `You took over "${title}" after step ${step} of ${replay.frames.length - 1}, on a copy of its world: the recording is unchanged.`,
  ];
  const upTo = replay.frames[step]?.step ?? 0;
  const standIns = replay.secrets.standIns.filter((s) => s.step <= upTo);
  if (replay.journal.header.demo) lines.push('Passwords are the demo script\'s training values.');
  if (standIns.length) {
    lines.push('The recording never keeps passwords: in this copy, the files use stand-ins (first typed at):');
    for (const s of standIns.slice(0, SHOWN)) lines.push(`  ${s.value.length > 20 ? `${s.value.slice(0, 16)}...` : s.value}   step ${s.step} ${s.line}: ${s.prompt}`);
    if (standIns.length > SHOWN) lines.push(`  ... and ${standIns.length - SHOWN} more (replay-N for the N-th distinct password).`);
  }
  lines.push('Type "help" for the commands, "record start NAME" to record this branch, "exit" to leave.');
  return lines.join('\n');
}
