/**
 * Plays any asciicast (v2 or v3) in this terminal, with no journal: pause, one event, next and
 * previous marker, speed, jump by tenths of the time. Going back redraws from the start.
 * - A terminal at least as large as the recording plays it directly; a status line lives in a
 *   spare row below it (a scroll region keeps the recording above), or else in the window title.
 * - A smaller terminal shows a viewport: the recording is drawn at its recorded size on a virtual
 *   screen, and a window onto it follows the cursor (h j k l pan), under a one-line notice.
 * - Too small even for that: one sentence with the size needed (`castFit`).
 * `t` takes over when the session's journal is beside the cast (the caller does it).
 */
import type { Cast } from '../journal/cast-format.ts';
import { delayBeforeNext, initialPlayer, playerReducer, type PlayerAction, type PlayerState } from '../journal/timeline.ts';
import { castTimeline, stepDoneAt } from './cast-timeline.ts';
import { castFit, follow, pan, viewportNotice, type Window } from './cast-viewport.ts';
import { keyAction } from './replay-keys.ts';
import { VirtualScreen } from './virtual-screen.ts';

export { castTimeline } from './cast-timeline.ts';

export interface CastPlayOptions {
  readonly speed: number;
  readonly idleLimit: number | null;
  /** Start after this many steps (markers). */
  readonly from: number;
  readonly title: string;
  readonly stdout: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  /** Whether the session's journal is beside the cast (then `t` takes over). */
  readonly canTakeOver?: boolean;
}

export type CastExit =
  | { readonly kind: 'quit' }
  /** Take over after journal step `step` (0: before the first command). */
  | { readonly kind: 'take-over'; readonly step: number }
  | { readonly kind: 'too-small'; readonly sentence: string };

const ESC = '\u001b';
const PAN = { cols: 8, rows: 4 } as const;

export function playCast(cast: Cast, o: CastPlayOptions): Promise<CastExit> {
  const out = o.stdout;
  const { width, height } = cast.header;
  const fit = castFit(width, height, out.columns || 80, out.rows || 24);
  if (fit.kind === 'too-small') return Promise.resolve({ kind: 'too-small', sentence: fit.sentence });
  const t = castTimeline(cast, o.idleLimit ?? cast.header.idleTimeLimit ?? null);
  const region = fit.kind === 'fits' && fit.statusRow ? height : 0;
  const screen = fit.kind === 'viewport' ? new VirtualScreen(width, height) : null;
  let view = { cols: out.columns || 80, rows: Math.max(1, (out.rows || 24) - 2) };
  let win: Window = { top: 0, left: 0 };
  let following = true;
  let state: PlayerState = playerReducer(t, initialPlayer(o.speed), { type: 'seek-step', step: o.from });
  let shown = 0;
  let note = '';
  let timer: NodeJS.Timeout | null = null;

  const statusText = () => {
    const mode = state.pos >= t.times.length ? 'end' : state.playing ? 'playing' : 'paused';
    return ` ${o.title} · ${mode} · ×${state.speed} · ${state.pos}/${t.times.length}${note ? ` · ${note}` : ''} · space . ] [ + - 0-9${o.canTakeOver ? ' t' : ''} q`;
  };
  const bar = (row: number, text: string) => `${ESC}[${row};1H${ESC}[0m${ESC}[2K${ESC}[7m${text.slice(0, (out.columns || 80) - 1)}${ESC}[0m`;
  const status = () => {
    if (screen) out.write(bar(out.rows || 24, statusText()));
    else if (region) out.write(`${ESC}7${bar(out.rows, statusText())}${ESC}8`);
    else out.write(`${ESC}]2;${statusText()}\u0007`);
  };
  const reset = () => out.write(`${ESC}[0m${ESC}[H${ESC}[2J${ESC}[3J${region ? `${ESC}[1;${region}r${ESC}[H` : ''}`);

  // Direct: write what is new (or redraw from the start when going back).
  const renderDirect = () => {
    if (state.pos < shown) {
      reset();
      shown = 0;
    }
    if (state.pos > shown) out.write(t.outputs.slice(shown, state.pos).join(''));
    shown = state.pos;
    status();
  };
  // Viewport: play into the virtual screen, then draw the window onto it.
  const drawViewport = async (vs: VirtualScreen) => {
    if (state.pos < shown) {
      vs.reset();
      shown = 0;
    }
    if (state.pos > shown) {
      const target = state.pos;
      await vs.write(t.outputs.slice(shown, target).join(''));
      shown = target;
    }
    if (following) win = follow(win, vs.cursor, vs.size, view);
    const lines = vs.lines(win.top, win.left, view.rows, view.cols);
    out.write(bar(1, viewportNotice(vs.size, win, view, following)) + lines.map((l, i) => `${ESC}[${i + 2};1H${ESC}[0m${ESC}[2K${l}`).join('') + `${ESC}[0m`);
    status();
  };
  let busy = false;
  let again = false;
  const render = () => {
    if (!screen) return renderDirect();
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    void drawViewport(screen).finally(() => {
      busy = false;
      if (again) {
        again = false;
        render();
      }
    });
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
  const move = (dx: number, dy: number) => {
    if (!screen) return;
    following = false;
    win = pan(win, dx, dy, screen.size, view);
    render();
  };

  return new Promise((resolve) => {
    const raw = o.stdin.isTTY === true;
    const finish = (exit: CastExit) => {
      if (timer) clearTimeout(timer);
      o.stdin.off('data', onKey);
      out.off('resize', onResize);
      if (raw) o.stdin.setRawMode(false);
      o.stdin.pause();
      screen?.dispose();
      const bottom = screen ? `${ESC}[${out.rows || 24};1H${ESC}[2K` : region ? `${ESC}[r${ESC}[${out.rows};1H${ESC}[2K` : '';
      out.write(`${ESC}[0m${bottom}${ESC}[?25h\n`);
      resolve(exit);
    };
    const onResize = () => {
      if (!screen) return;
      view = { cols: out.columns || 80, rows: Math.max(1, (out.rows || 24) - 2) };
      out.write(`${ESC}[2J`);
      render();
    };
    const onKey = (d: Buffer) => {
      const input = d.toString('utf8');
      note = '';
      if (input === '\u0003') return finish({ kind: 'quit' });
      if (input === `${ESC}[C`) return apply({ type: 'next-step' });
      if (input === `${ESC}[D`) return apply({ type: 'previous-step' });
      // Keys typed quickly may arrive together: each is applied.
      for (const ch of input) {
        if (ch === 'q') return finish({ kind: 'quit' });
        if (ch === 't') {
          if (o.canTakeOver) return finish({ kind: 'take-over', step: stepDoneAt(t, state.pos) });
          note = 'take over needs the session\'s journal';
          status();
        } else if (ch === 'h') move(-PAN.cols, 0);
        else if (ch === 'l') move(PAN.cols, 0);
        else if (ch === 'k') move(0, -PAN.rows);
        else if (ch === 'j') move(0, PAN.rows);
        else if (ch === 'c' && screen) {
          following = true;
          render();
        } else {
          const action = keyAction(ch);
          if (action) apply(action);
        }
      }
    };
    if (raw) o.stdin.setRawMode(true);
    o.stdin.on('data', onKey);
    out.on('resize', onResize);
    o.stdin.resume();
    reset();
    if (screen) out.write(`${ESC}[?25l`);
    render();
    schedule();
  });
}
