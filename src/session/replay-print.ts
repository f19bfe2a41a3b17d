/** A replay without a terminal: the re-executed transcript, step by step, and the digest check. */
import type { Replay } from './replay-engine.ts';

export function printReplay(replay: Replay, out: NodeJS.WritableStream): number {
  for (const frame of replay.frames.slice(1)) {
    for (const item of frame.items) out.write(`${item.text}\n`);
    const check = frame.recorded === null ? '' : frame.recorded === frame.digest ? ' digest matches' : ' DIGEST DIFFERS';
    out.write(`-- step ${frame.index}:${check}${frame.problems.length ? ` (${frame.problems.join('; ')})` : ''}\n`);
  }
  const commands = replay.frames.filter((f) => f.recorded !== null).length;
  out.write(replay.diverged.length === 0
    ? `Replayed ${commands} command(s): every state matches the recording.\n`
    : `Replayed ${commands} command(s): ${replay.diverged.length} differ from the recording (steps ${replay.diverged.join(', ')}).\n`);
  return replay.diverged.length === 0 ? 0 : 1;
}
