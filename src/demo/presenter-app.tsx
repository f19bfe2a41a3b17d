/**
 * `tkesim presenter`: the presenter's own screen, in a second terminal beside the demo. It follows
 * the demo live through presenter.json in TKESIM_HOME (see presenter-channel.ts): the step on the
 * audience's screen with its speaker notes, the next step, the time elapsed, the keys. Read-only.
 */
import { Box, render, Text, useApp, useInput } from 'ink';
import { useEffect, useState } from 'react';
import { ThemeContext, themeFromEnv, useTheme, type TextStyle, type Theme } from '../shell/theme.ts';
import { demoAlive, readPresenter, watchPresenter, type PresenterState } from './presenter-channel.ts';
import { presenterLines, type PresenterLineKind } from './presenter-view.ts';
import { onAlternateScreen, useTerminalSize } from './screen.ts';

function style(theme: Theme, kind: PresenterLineKind): TextStyle {
  switch (kind) {
    case 'title': return theme.heading;
    case 'label': return theme.heading;
    case 'note': return {};
    case 'plain': return {};
    case 'key': return {};
    case 'rule': return theme.tone.muted;
  }
}

function usePresenterState(home: string): { readonly state: PresenterState | null; readonly now: number } {
  const [state, setState] = useState(() => readPresenter(home));
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const read = () => setState(readPresenter(home));
    const watcher = watchPresenter(home, read);
    // Once a second: the clock, and a read in case the file system does not report changes.
    const timer = setInterval(() => {
      read();
      setNow(Date.now());
    }, 1000);
    return () => {
      watcher.close();
      clearInterval(timer);
    };
  }, [home]);
  return { state, now };
}

export function PresenterApp({ home }: { readonly home: string }) {
  const theme = useTheme();
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const { state, now } = usePresenterState(home);
  useInput((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c')) exit();
  });
  const lines = presenterLines(state, state !== null && demoAlive(state), now, columns, home);
  return (
    <Box flexDirection="column" width={columns} height={rows} overflow="hidden">
      {lines.slice(0, rows - 1).map((line, i) => <Text key={i} {...style(theme, line.kind)} wrap="truncate-end">{line.text === '' ? ' ' : line.text}</Text>)}
      <Box flexGrow={1} />
      <Text {...theme.tone.muted} wrap="truncate-end">q: close this view (the demo goes on)</Text>
    </Box>
  );
}

export async function runPresenterApp(home: string, env: NodeJS.ProcessEnv): Promise<number> {
  await onAlternateScreen(async () => {
    const app = render(
      <ThemeContext.Provider value={themeFromEnv(env)}>
        <PresenterApp home={home} />
      </ThemeContext.Provider>,
      { exitOnCtrlC: false },
    );
    await app.waitUntilExit();
  });
  return 0;
}
