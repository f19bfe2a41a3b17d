/**
 * Full-screen front-ends (the demo, the presenter view, watch): the terminal's size as React
 * state, redrawn on every resize, and a theme for projectors. A frame exactly as tall as the
 * terminal makes Ink redraw the whole screen each time, so a resize leaves nothing behind; it is
 * drawn on the alternate screen.
 */
import { activeRecorder } from '../record/index.ts';
import { themeFromEnv, type Theme } from '../shell/theme.ts';

export { useTerminalSize, type TerminalSize } from '../shell/use-terminal-size.ts';

/**
 * The shell's theme (NO_COLOR: no colour at all) without dim text: on a projector dim text
 * vanishes, so what the shell draws dim is drawn in normal intensity.
 */
export function projectorTheme(env: Readonly<Record<string, string | undefined>>): Theme {
  const theme = themeFromEnv(env);
  return { ...theme, tone: { ...theme.tone, muted: {} } };
}

type Write = NodeJS.WriteStream['write'];
const CLEAR_SCROLLBACK = '\u001b[3J';

/**
 * Runs a full-screen front-end on the terminal's alternate screen (as less or vim do), and leaves
 * the terminal's scrollback alone: Ink's full-screen frames also erase the scrollback, which some
 * terminals (tmux) apply to the main screen's history even from the alternate one. Leaving gives
 * the terminal back as it was. While a recording runs, the main screen is used (cleared first), so
 * that a recording ends on the last frame, not on the screen from before.
 */
export async function onAlternateScreen<T>(run: () => Promise<T>, stdout: NodeJS.WriteStream = process.stdout): Promise<T> {
  if (!stdout.isTTY) return run();
  const alternate = activeRecorder() === null;
  const originalWrite: Write = stdout.write;
  const keepScrollback = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
    const text = typeof chunk === 'string' && chunk.includes(CLEAR_SCROLLBACK) ? chunk.split(CLEAR_SCROLLBACK).join('') : chunk;
    return (originalWrite as (...a: unknown[]) => boolean).call(this, text, ...rest);
  };
  stdout.write = keepScrollback as Write;
  stdout.write(`${alternate ? '\u001b[?1049h' : ''}\u001b[H\u001b[2J`);
  try {
    return await run();
  } finally {
    if (alternate) stdout.write('\u001b[?1049l');
    if (stdout.write === keepScrollback) stdout.write = originalWrite;
  }
}
