/**
 * The journal player: a header, the transcript up to the position, the status line and register
 * panel of the world at that step, and the keys. Seeking only moves the position; every frame's
 * world was computed when the journal was loaded.
 */
import { Box, render, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { panelLines } from '../shell/panel-layout.ts';
import { buildPanelModel } from '../shell/panel-model.ts';
import { RegisterPanel } from '../shell/register-panel.tsx';
import { StatusLine } from '../shell/status-line.tsx';
import { buildStatusModel } from '../shell/status-model.ts';
import { ThemeContext, themeFromEnv, useTheme } from '../shell/theme.ts';
import type { RecordedReplay as Replay } from '../journal/recorded-replay.ts';
import { replayView, type JournalTimeline } from './replay-view.ts';
import { keyAction, REPLAY_KEYS } from './replay-keys.ts';
import { delayBeforeNext, playerReducer, type PlayerAction, type PlayerState } from '../journal/timeline.ts';

export type ReplayExit = { readonly kind: 'quit' } | { readonly kind: 'take-over'; readonly step: number };

export interface ReplayAppProps {
  readonly replay: Replay;
  readonly timeline: JournalTimeline;
  readonly initial: PlayerState;
  readonly title: string;
  readonly onExit: (exit: ReplayExit) => void;
}

function useSize(): { readonly columns: number; readonly rows: number } {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 }));
  useEffect(() => {
    const onResize = () => setSize({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

export function ReplayApp({ replay, timeline, initial, title, onExit }: ReplayAppProps) {
  const theme = useTheme();
  const { exit } = useApp();
  const { columns, rows } = useSize();
  const [state, dispatch] = useReducer((s: PlayerState, a: PlayerAction) => playerReducer(timeline, s, a), initial);

  useEffect(() => {
    const delay = delayBeforeNext(timeline, state);
    if (delay === null) return;
    const timer = setTimeout(() => dispatch({ type: 'tick' }), delay);
    return () => clearTimeout(timer);
  }, [timeline, state]);

  const probe = replayView(replay, timeline, state.pos, 0);
  const panel = useMemo(() => buildPanelModel(probe.world, probe.selectedUnits, probe.previous), [probe.world, probe.selectedUnits, probe.previous]);
  const status = buildStatusModel(probe.world, probe.selectedUnits, probe.signatureKeyNames);
  const problems = probe.frame.problems;
  const fixed = panelLines(panel, columns).length + (panel.summary ? 1 : 0) + 3 + (problems.length ? 1 : 0) + (replay.integrity.length ? 1 : 0);
  const view = replayView(replay, timeline, state.pos, Math.max(1, rows - fixed - 1));

  const leave = (e: ReplayExit) => {
    onExit(e);
    exit();
  };
  useInput((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c')) return leave({ kind: 'quit' });
    if (input === 't') return leave({ kind: 'take-over', step: view.step });
    if (key.rightArrow) return dispatch({ type: 'next-step' });
    if (key.leftArrow) return dispatch({ type: 'previous-step' });
    // Keys typed quickly may arrive together: each is applied.
    for (const ch of input) {
      const action = keyAction(ch);
      if (action) dispatch(action);
    }
  });

  const total = replay.frames.length - 1;
  const atEnd = state.pos >= timeline.times.length;
  const mode = atEnd ? '■ end' : state.playing ? '▶ playing' : '❚❚ paused';
  const seed = replay.journal.header.seed;
  return (
    <Box flexDirection="column" width={columns}>
      <Text wrap="truncate-end">
        <Text {...theme.heading}>{`REPLAY ${title}`}</Text>
        <Text {...theme.tone.muted}>{` · step ${view.step}/${total} · ${mode} · ×${state.speed}${seed ? ` · seed "${seed}"` : ''}`}</Text>
      </Text>
      {replay.integrity.length ? <Text {...theme.tone.error} wrap="truncate-end">{replay.integrity.join(' ')}</Text> : null}
      <Box flexDirection="column" justifyContent="flex-end" height={Math.max(1, rows - fixed - 1)}>
        {view.lines.map((line, i) => (
          <Text key={i} wrap="truncate-end" {...theme.tone[line.tone]}>{line.text === '' ? ' ' : line.text}</Text>
        ))}
      </Box>
      {problems.length ? <Text {...theme.tone.error} wrap="truncate-end">{`step ${view.step}: ${problems.join('; ')}`}</Text> : null}
      <StatusLine model={status} width={columns} />
      <RegisterPanel model={panel} width={columns} />
      <Text {...theme.tone.muted} wrap="truncate-end">{atEnd ? `end of the recording · [ back · 0-9 jump · t take over · q quit` : REPLAY_KEYS}</Text>
    </Box>
  );
}

/** Renders the player until the user quits or takes over. */
export async function runReplayApp(props: Omit<ReplayAppProps, 'onExit'>, env: NodeJS.ProcessEnv): Promise<ReplayExit> {
  const result: { exit: ReplayExit } = { exit: { kind: 'quit' } };
  const app = render(
    <ThemeContext.Provider value={themeFromEnv(env)}>
      <ReplayApp {...props} onExit={(e) => (result.exit = e)} />
    </ThemeContext.Provider>,
    { exitOnCtrlC: false },
  );
  await app.waitUntilExit();
  return result.exit;
}
