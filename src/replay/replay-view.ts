/**
 * What the journal player shows at a position, as data: the tail of the transcript, and the world
 * after the last completed step with the one before it (so the panel highlights what changed).
 * Seeking is a lookup into the replay's frames: nothing is re-executed or re-played.
 */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type { World } from '../core/types.ts';
import { buildPanelModel, type PanelModel } from '../shell/panel-model.ts';
import type { Tone } from '../shell/theme.ts';
import type { TranscriptItem } from '../journal/journal-format.ts';
import type { RecordedFrame as Frame, RecordedReplay as Replay } from '../journal/recorded-replay.ts';
import { stepAt, type Timeline } from '../journal/timeline.ts';

export interface JournalTimeline extends Timeline {
  /** Every transcript item, in order (the timeline's events). */
  readonly items: readonly TranscriptItem[];
}

export function journalTimeline(replay: Replay, idleLimit: number | null): JournalTimeline {
  const items: TranscriptItem[] = [];
  const stepEnds: number[] = [];
  for (const frame of replay.frames.slice(1)) {
    items.push(...frame.items);
    stepEnds.push(items.length);
  }
  return { items, times: items.map((i) => i.time), stepEnds, idleLimit };
}

export interface ViewLine {
  readonly text: string;
  readonly tone: Tone;
}

export interface ReplayView {
  /** Steps completed (the frame whose state is shown). */
  readonly step: number;
  readonly frame: Frame;
  readonly world: World;
  readonly previous: World | null;
  readonly selectedUnits: ReadonlySet<string>;
  readonly signatureKeyNames: readonly string[];
  /** The transcript lines shown (wrapped to the width), oldest first: the last `rows` up to the position, less the scroll. */
  readonly lines: readonly ViewLine[];
  /** Lines the view is scrolled up by (clamped to what there is). */
  readonly scroll: number;
  /** Whether earlier lines are hidden above the view. */
  readonly more: boolean;
}

/**
 * One transcript line as rows of at most `width` columns, broken at word boundaries (wrap-ansi); a
 * word longer than a row is broken. The line's indentation is kept, and continued rows hang under it.
 */
export function wrapLine(text: string, width: number): string[] {
  if (!Number.isFinite(width) || width < 1 || stringWidth(text) <= width) return [text];
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  if (indent.length >= width / 2) {
    // Too deep to hang under: the first row keeps it, the others start at the left.
    return wrapAnsi(text, width, { hard: true, trim: false, wordWrap: true }).split('\n').map((row, i) => (i === 0 ? row.trimEnd() : row.trim())).filter((row, i) => i > 0 || row !== '');
  }
  return wrapAnsi(text.slice(indent.length), width - indent.length, { hard: true, trim: true, wordWrap: true }).split('\n').map((row) => `${indent}${row}`);
}

export interface Tail {
  readonly lines: ViewLine[];
  readonly scroll: number;
  readonly more: boolean;
}

/**
 * The last `rows` wrapped lines of the items before `pos`, `scroll` lines up from the bottom (no
 * further up than the first line), without looking further back than needed.
 */
export function transcriptTail(items: readonly TranscriptItem[], pos: number, rows: number, width = Infinity, scroll = 0): Tail {
  const want = rows + Math.max(0, scroll);
  const out: ViewLine[] = [];
  let i = Math.min(pos, items.length) - 1;
  for (; i >= 0 && out.length < want; i--) {
    const item = items[i];
    if (!item) continue;
    const lines = item.text.split('\n').flatMap((l) => wrapLine(l, width));
    for (let j = lines.length - 1; j >= 0; j--) out.push({ text: lines[j] ?? '', tone: item.tone });
  }
  const earlier = i >= 0 || out.length > want;
  const shown = out.slice(0, want);
  const clamped = Math.max(0, Math.min(scroll, shown.length - rows));
  const lines = shown.slice(clamped, clamped + rows).reverse();
  return { lines, scroll: clamped, more: earlier || shown.length > clamped + rows };
}

export function replayView(replay: Replay, timeline: JournalTimeline, pos: number, rows: number, width = Infinity, scroll = 0): ReplayView {
  const step = Math.min(stepAt(timeline, pos), replay.frames.length - 1);
  const frame = replay.frames[step] ?? replay.frames[0];
  if (!frame) throw new Error('a replay has at least its start frame');
  const before = step > 0 ? replay.frames[step - 1] : undefined;
  return {
    step, frame,
    world: frame.view.world,
    previous: before ? before.view.world : null,
    selectedUnits: new Set(frame.view.selection.units),
    signatureKeyNames: frame.view.selection.signatureKeyNames,
    ...transcriptTail(timeline.items, pos, rows, width, scroll),
  };
}

/** Seeking as the player does it: the view at the end of a step and its panel model. */
export function seekStep(replay: Replay, timeline: JournalTimeline, step: number, rows = 24): { readonly view: ReplayView; readonly panel: PanelModel } {
  const pos = step <= 0 ? 0 : (timeline.stepEnds[Math.min(step, timeline.stepEnds.length) - 1] ?? 0);
  const view = replayView(replay, timeline, pos, rows);
  return { view, panel: buildPanelModel(view.world, view.selectedUnits, view.previous) };
}
