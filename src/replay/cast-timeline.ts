/**
 * A .cast as a player's timeline: output events, steps at markers (or, without markers, at pauses
 * of a second or more), the journal step each position has completed (from the recorder's
 * `step N: LINE` markers, for take-over), and the lead-in before the first visible output cut to
 * the idle limit. Pure.
 */
import type { Cast } from '../journal/cast-format.ts';
import type { Timeline } from '../journal/timeline.ts';

const GAP_STEP = 1;
const STEP_MARKER = /^step (\d+): /;
/** Output that draws something (not only escape sequences and line ends). */
const VISIBLE = /[^\s\u001b]/;
const stripEscapes = (s: string): string => s.replace(/\u001b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-_])/g, '');

export interface CastTimeline extends Timeline {
  readonly outputs: readonly string[];
  /** Output positions where the recorder marked a journal step's start, in order. */
  readonly stepMarks: readonly { readonly pos: number; readonly step: number }[];
}

export function castTimeline(cast: Cast, idleLimit: number | null): CastTimeline {
  const outputs: string[] = [];
  const times: number[] = [];
  const ends = new Set<number>();
  const stepMarks: { pos: number; step: number }[] = [];
  const markers = cast.events.some((e) => e.code === 'm');
  for (const e of cast.events) {
    if (e.code === 'm') {
      if (outputs.length > 0) ends.add(outputs.length);
      const step = STEP_MARKER.exec(e.data);
      if (step) stepMarks.push({ pos: outputs.length, step: Number(step[1]) });
    }
    if (e.code !== 'o') continue;
    if (!markers && outputs.length > 0 && e.time - (times[times.length - 1] ?? 0) >= GAP_STEP) ends.add(outputs.length);
    outputs.push(e.data);
    times.push(e.time);
  }
  ends.add(outputs.length);
  // The wait before anything shows is one idle period: at most the idle limit.
  const firstVisible = outputs.findIndex((o) => VISIBLE.test(stripEscapes(o)));
  const leadIn = firstVisible < 0 ? 0 : (times[firstVisible] ?? 0);
  const cut = idleLimit === null ? 0 : Math.max(0, leadIn - idleLimit);
  const shifted = cut > 0 ? times.map((t) => Math.max(0, t - cut)) : times;
  return { outputs, times: shifted, stepEnds: [...ends].filter((n) => n > 0).sort((a, b) => a - b), idleLimit, jumpByTime: true, stepMarks };
}

/** The journal steps completed when `pos` outputs are shown: a step is done once the next one has begun, or at the end. */
export function stepDoneAt(t: CastTimeline, pos: number): number {
  let last: { pos: number; step: number } | undefined;
  for (const m of t.stepMarks) if (m.pos <= pos) last = m;
  if (!last) return 0;
  return pos >= t.outputs.length ? last.step : last.step - 1;
}
