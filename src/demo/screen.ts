/**
 * Full-screen front-ends (the demo, the presenter view, watch): the terminal's size as React
 * state, redrawn on every resize, and a theme for projectors. A frame exactly as tall as the
 * terminal makes Ink redraw the whole screen each time, so a resize leaves nothing behind.
 */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { themeFromEnv, type Theme } from '../shell/theme.ts';

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState<TerminalSize>(() => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 }));
  useEffect(() => {
    const onResize = () => setSize({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

/**
 * The shell's theme (NO_COLOR: no colour at all) without dim text: on a projector dim text
 * vanishes, so what the shell draws dim is drawn in normal intensity.
 */
export function projectorTheme(env: Readonly<Record<string, string | undefined>>): Theme {
  const theme = themeFromEnv(env);
  return { ...theme, tone: { ...theme.tone, muted: {} } };
}

/** Starts a full-screen front-end on a clean screen (nothing of the shell's scrolls into it). */
export function clearScreen(): void {
  if (process.stdout.isTTY) process.stdout.write('\u001b[H\u001b[2J');
}
