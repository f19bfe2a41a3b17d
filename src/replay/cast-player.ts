/**
 * Plays any asciicast (v2 or v3) in this terminal, with no journal: pause, one event, next and
 * previous marker, speed, jump by tenths of the time. Going back redraws from the start. When the
 * terminal has a row to spare below the recording, a status line lives there (a scroll region
 * keeps the recording above it); otherwise the status goes to the window title.
 */
import type { Cast } from '../journal/cast-format.ts';
import { delayBeforeNext, initialPlayer, playerReducer, type PlayerAction, type PlayerState, type Timeline } from '../journal/timeline.ts';
import { keyAction } from './replay-keys.ts';

export interface CastPlayOptions {
  readonly speed: number;
  readonly idleLimit: number | null;
  /** Start after this many steps (markers). */
  readonly from: number;
  readonly title: string;
  readonly stdout: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
}

const ESC = '\u001b';
const GAP_STEP = 1;

/** Output events, and steps at markers (or, without markers, at pauses of a second or more). */
export function castTimeline(cast: Cast, idleLimit: number | null): Timeline & { readonly outputs: readonly string[] } {
  const outputs: string[] = [];
  const times: number[] = [];
  const ends = new Set<number>();
  const markers = cast.events.some((e) => e.code === 'm');
  for (const e of cast.events) {
    if (e.code === 'm' && outputs.length > 0) ends.add(outputs.length);
    if (e.code !== 'o') continue;
    if (!markers && outputs.length > 0 && e.time - (times[times.length - 1] ?? 0) >= GAP_STEP) ends.add(outputs.length);
    outputs.push(e.data);
    times.push(e.time);
  }
  ends.add(outputs.length);
  return { outputs, times, stepEnds: [...ends].filter((n) => n > 0).sort((a, b) => a - b), idleLimit, jumpByTime: true };
}

export function playCast(cast: Cast, o: CastPlayOptions): Promise<number> {
  const t = castTimeline(cast, o.idleLimit ?? cast.header.idleTimeLimit ?? null);
  const out = o.stdout;
  const region = (out.rows || 0) > cast.header.height ? cast.header.height : 0;
  let state: PlayerState = initialPlayer(o.speed);
  state = playerReducer(t, state, { type: 'seek-step', step: o.from });
  let shown = 0;
  let note = '';
  let timer: NodeJS.Timeout | null = null;

  const status = () => {
    const mode = state.pos >= t.times.length ? 'end' : state.playing ? 'playing' : 'paused';
    const text = ` ${o.title} · ${mode} · ×${state.speed} · ${state.pos}/${t.times.length}${note ? ` · ${note}` : ''} · space . ] [ + - 0-9 q`;
    if (region) out.write(`${ESC}7${ESC}[${out.rows};1H${ESC}[2K${ESC}[7m${text.slice(0, (out.columns || 80) - 1)}${ESC}[0m${ESC}8`);
    else out.write(`${ESC}]2;${text}\u0007`);
  };
  const reset = () => out.write(`${ESC}[0m${ESC}[H${ESC}[2J${ESC}[3J${region ? `${ESC}[1;${region}r${ESC}[H` : ''}`);
  const render = () => {
    if (state.pos < shown) {
      reset();
      shown = 0;
    }
    if (state.pos > shown) out.write(t.outputs.slice(shown, state.pos).join(''));
    shown = state.pos;
    status();
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const delay = delayBeforeNext(t, state);
    if (delay !== null) timer = setTimeout(() => apply({ type: 'tick' }), delay);
  };
  const apply = (a: PlayerAction) => {
    state = playerReducer(t, state, a);
    render();
    schedule();
  };

  return new Promise((resolve) => {
    const raw = o.stdin.isTTY === true;
    const finish = () => {
      if (timer) clearTimeout(timer);
      o.stdin.off('data', onKey);
      if (raw) o.stdin.setRawMode(false);
      o.stdin.pause();
      out.write(`${ESC}[0m${region ? `${ESC}[r${ESC}[${out.rows};1H${ESC}[2K` : ''}${ESC}[?25h\n`);
      resolve(0);
    };
    const onKey = (d: Buffer) => {
      const input = d.toString('utf8');
      note = '';
      if (input === 'q' || input === '\u0003') return finish();
      if (input === 't') {
        note = 'take over needs the session\'s journal';
        return status();
      }
      if (input === `${ESC}[C`) return apply({ type: 'next-step' });
      if (input === `${ESC}[D`) return apply({ type: 'previous-step' });
      // Keys typed quickly may arrive together: each is applied.
      for (const ch of input) {
        if (ch === 'q') return finish();
        const action = keyAction(ch);
        if (action) apply(action);
      }
    };
    if (raw) o.stdin.setRawMode(true);
    o.stdin.on('data', onKey);
    o.stdin.resume();
    reset();
    render();
    schedule();
  });
}
