/**
 * Replay for review, as data: the command a position belongs to, and the timeline strip with the
 * mistakes marked (journal/frame-marks.ts says which frames are mistakes). Pure.
 */
import { frameMark, type FrameMark } from '../journal/frame-marks.ts';
import type { RecordedFrame, RecordedReplay } from '../journal/recorded-replay.ts';
import { stepAt, stepEnd, type Timeline } from '../journal/timeline.ts';

/**
 * The frame whose command is on screen at `pos` (it may still be running), or null at the start. A
 * frame begins with the markers before its command: until its command line shows, the frame before
 * it is the one on screen.
 */
export function frameAt(replay: RecordedReplay, t: Timeline, pos: number): { readonly frame: RecordedFrame; readonly done: boolean } | null {
  if (pos <= 0) return null;
  const index = Math.min(stepAt(t, pos - 1) + 1, replay.frames.length - 1);
  const frame = replay.frames[index];
  if (!frame) return null;
  const shown = pos - stepEnd(t, index - 1);
  const commandAt = frame.kind === 'command' ? frame.items.findIndex((i) => i.text.startsWith('tkesim> ')) : 0;
  if (shown <= commandAt) {
    const before = replay.frames[index - 1];
    return before && before.index > 0 ? { frame: before, done: true } : null;
  }
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
