/**
 * What the journal player shows at a position, as data: the tail of the transcript, and the world
 * after the last completed step with the one before it (so the panel highlights what changed).
 * Seeking is a lookup into the replay's frames: nothing is re-executed or re-played.
 */
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
  /** The last `rows` transcript lines up to the position, oldest first. */
  readonly lines: readonly ViewLine[];
}

/** The last `rows` lines of the items before `pos`, without looking further back than needed. */
export function transcriptTail(items: readonly TranscriptItem[], pos: number, rows: number): ViewLine[] {
  const out: ViewLine[] = [];
  for (let i = Math.min(pos, items.length) - 1; i >= 0 && out.length < rows; i--) {
    const item = items[i];
    if (!item) continue;
    const lines = item.text.split('\n');
    for (let j = lines.length - 1; j >= 0 && out.length < rows; j--) out.push({ text: lines[j] ?? '', tone: item.tone });
  }
  return out.reverse();
}

export function replayView(replay: Replay, timeline: JournalTimeline, pos: number, rows: number): ReplayView {
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
    lines: transcriptTail(timeline.items, pos, rows),
  };
}

/** Seeking as the player does it: the view at the end of a step and its panel model. */
export function seekStep(replay: Replay, timeline: JournalTimeline, step: number, rows = 24): { readonly view: ReplayView; readonly panel: PanelModel } {
  const pos = step <= 0 ? 0 : (timeline.stepEnds[Math.min(step, timeline.stepEnds.length) - 1] ?? 0);
  const view = replayView(replay, timeline, pos, rows);
  return { view, panel: buildPanelModel(view.world, view.selectedUnits, view.previous) };
}
