/**
 * Replay for review, as data: the command a position belongs to, and the timeline strip with the
 * mistakes marked (journal/frame-marks.ts says which frames are mistakes). Pure.
 */
import { frameMark, type FrameMark } from '../journal/frame-marks.ts';
import type { RecordedFrame, RecordedReplay } from '../journal/recorded-replay.ts';
import { stepAt, type Timeline } from '../journal/timeline.ts';

/** The frame whose output was shown last at `pos` (its command may still be running), or null at the start. */
export function frameAt(replay: RecordedReplay, t: Timeline, pos: number): { readonly frame: RecordedFrame; readonly done: boolean } | null {
  if (pos <= 0) return null;
  const frame = replay.frames[Math.min(stepAt(t, pos - 1) + 1, replay.frames.length - 1)];
  if (!frame) return null;
  return { frame, done: stepAt(t, pos) >= frame.index };
}

export interface StripCell {
  readonly char: string;
  readonly mark: FrameMark;
  readonly current: boolean;
}

const CHAR: Readonly<Record<FrameMark, string>> = { ok: '─', mistake: '✗', integrity: '!', other: '·' };
const RANK: Readonly<Record<FrameMark, number>> = { integrity: 3, mistake: 2, ok: 1, other: 0 };

/**
 * The steps as a strip of at most `width` cells (each cell a run of steps when there are more
 * steps than cells); a cell shows the worst of its steps, and the current step's cell is marked.
 */
export function timelineStrip(replay: RecordedReplay, width: number, current: number): StripCell[] {
  const frames = replay.frames.slice(1);
  const cells = Math.max(1, Math.min(width, frames.length));
  const out: StripCell[] = [];
  for (let c = 0; c < cells && frames.length > 0; c++) {
    const from = Math.floor((c * frames.length) / cells);
    const to = Math.max(from + 1, Math.floor(((c + 1) * frames.length) / cells));
    let mark: FrameMark = 'other';
    let isCurrent = false;
    for (const f of frames.slice(from, to)) {
      const m = frameMark(f);
      if (RANK[m] > RANK[mark]) mark = m;
      if (f.index === current) isCurrent = true;
    }
    out.push({ char: CHAR[mark], mark, current: isCurrent });
  }
  return out;
}
