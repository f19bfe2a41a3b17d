/**
 * A replay without a terminal: the recorded transcript, step by step, and the journal's integrity.
 * Exits 1 when the journal is not as recorded (edited, lines deleted or moved).
 */
import type { RecordedReplay } from '../journal/recorded-replay.ts';

export function printReplay(replay: RecordedReplay, out: NodeJS.WritableStream): number {
  for (const frame of replay.frames.slice(1)) {
    for (const item of frame.items) out.write(`${item.text}\n`);
    const status = frame.status ? ` ${frame.status}` : '';
    out.write(`-- step ${frame.step}:${status}${frame.problems.length ? ` (${frame.problems.join('; ')})` : ''}\n`);
  }
  const commands = replay.frames.filter((f) => f.kind === 'command').length;
  for (const line of replay.integrity) out.write(`${line}\n`);
  out.write(replay.tampered
    ? `Played ${commands} command(s): the journal is NOT as recorded (${replay.checked.problems.length} problem(s) above).\n`
    : `Played ${commands} command(s): the journal's hash chain is intact.\n`);
  return replay.tampered ? 1 : 0;
}
