/**
 * A player's position over timed events, as a pure reducer: pause and resume, one event, next and
 * previous step, speed, jump to a tenth of the way. Shared by the journal player (events are
 * transcript lines, steps are commands) and the .cast player (events are output, steps markers).
 */

export interface Timeline {
  /** Each event's time in seconds, non-decreasing. */
  readonly times: readonly number[];
  /** Positions (event counts) where a step ends, ascending; the start (0) is implicit. */
  readonly stepEnds: readonly number[];
  /** Longest pause played, in seconds (null: as recorded). */
  readonly idleLimit: number | null;
  /** `0`..`9` jump by time (a .cast) rather than by steps (a journal). */
  readonly jumpByTime?: boolean;
}

export interface PlayerState {
  /** How many events are shown (0..times.length). */
  readonly pos: number;
  readonly playing: boolean;
  readonly speed: number;
}

export type PlayerAction =
  | { readonly type: 'toggle' }
  | { readonly type: 'pause' }
  /** The timer fired: show the next event (stops at the end). */
  | { readonly type: 'tick' }
  /** `.`: one event, paused. */
  | { readonly type: 'event' }
  | { readonly type: 'next-step' }
  | { readonly type: 'previous-step' }
  | { readonly type: 'faster' }
  | { readonly type: 'slower' }
  /** `0`..`9`: to the step at that tenth of the session. */
  | { readonly type: 'jump'; readonly tenth: number }
  | { readonly type: 'seek-step'; readonly step: number };

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;

export function initialPlayer(speed = 1, pos = 0, playing = true): PlayerState {
  return { pos, playing, speed };
}

/** The number of steps completed at a position (the panel shows the state after that step). */
export function stepAt(t: Timeline, pos: number): number {
  let lo = 0;
  let hi = t.stepEnds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((t.stepEnds[mid] ?? Infinity) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The position where step `step` ends (0 for the start). */
export function stepEnd(t: Timeline, step: number): number {
  if (step <= 0) return 0;
  return t.stepEnds[Math.min(step, t.stepEnds.length) - 1] ?? t.times.length;
}

function nearestSpeed(speed: number, direction: 1 | -1): number {
  const i = SPEEDS.findIndex((s) => s >= speed);
  const at = i < 0 ? SPEEDS.length - 1 : i;
  return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, at + direction))] ?? speed;
}

export function playerReducer(t: Timeline, s: PlayerState, a: PlayerAction): PlayerState {
  const end = t.times.length;
  switch (a.type) {
    case 'toggle':
      return s.pos >= end && !s.playing ? { ...s, pos: 0, playing: true } : { ...s, playing: !s.playing };
    case 'pause':
      return { ...s, playing: false };
    case 'tick': {
      // A timer set before a pause may still fire: it shows nothing more.
      if (!s.playing) return s;
      const pos = Math.min(end, s.pos + 1);
      return { ...s, pos, playing: s.playing && pos < end };
    }
    case 'event':
      return { ...s, pos: Math.min(end, s.pos + 1), playing: false };
    case 'next-step':
      return { ...s, pos: stepEnd(t, stepAt(t, s.pos) + 1), playing: false };
    case 'previous-step': {
      const done = stepAt(t, s.pos);
      const back = stepEnd(t, done) === s.pos ? done - 1 : done;
      return { ...s, pos: stepEnd(t, Math.max(0, back)), playing: false };
    }
    case 'faster':
      return { ...s, speed: nearestSpeed(s.speed, 1) };
    case 'slower':
      return { ...s, speed: nearestSpeed(s.speed, -1) };
    case 'jump': {
      const tenth = Math.max(0, Math.min(9, a.tenth));
      if (!t.jumpByTime) return { ...s, pos: stepEnd(t, Math.round((t.stepEnds.length * tenth) / 10)) };
      const at = ((t.times[end - 1] ?? 0) * tenth) / 10;
      const i = t.times.findIndex((time) => time > at);
      return { ...s, pos: tenth === 0 ? 0 : i < 0 ? end : i };
    }
    case 'seek-step':
      return { ...s, pos: stepEnd(t, Math.max(0, Math.min(a.step, t.stepEnds.length))) };
  }
}

/** Milliseconds to wait before the next event is shown (speed and idle limit applied). */
export function delayBeforeNext(t: Timeline, s: PlayerState): number | null {
  if (!s.playing || s.pos >= t.times.length) return null;
  const gap = Math.max(0, (t.times[s.pos] ?? 0) - (s.pos > 0 ? (t.times[s.pos - 1] ?? 0) : 0));
  const limited = t.idleLimit === null ? gap : Math.min(gap, t.idleLimit);
  return (limited * 1000) / s.speed;
}
