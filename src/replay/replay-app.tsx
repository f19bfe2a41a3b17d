/**
 * The journal player: a header (the step, whether it failed, how many mistakes), the timeline strip
 * with the mistakes marked, the command of the shown step pinned above the transcript, the
 * transcript up to the position (wrapped at word boundaries, scrollable), the status line and
 * register panel of the world at that step, and the keys. Seeking only moves the position; every
 * frame's world is the recorded view.
 */
import { Box, render, Text, useApp, useInput } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { panelLines } from '../shell/panel-layout.ts';
import { buildPanelModel } from '../shell/panel-model.ts';
import { RegisterPanel } from '../shell/register-panel.tsx';
import { StatusLine } from '../shell/status-line.tsx';
import { buildStatusModel } from '../shell/status-model.ts';
import { ThemeContext, themeFromEnv, useTheme } from '../shell/theme.ts';
import { useTerminalSize } from '../shell/use-terminal-size.ts';
import type { RecordedReplay as Replay } from '../journal/recorded-replay.ts';
import { replayView, wrapLine, type JournalTimeline } from './replay-view.ts';
import { keyAction, REPLAY_KEYS } from './replay-keys.ts';
import { mistakeFrames, nextMistake, previousMistake } from '../journal/frame-marks.ts';
import { frameAt, timelineStrip } from './review-marks.ts';
import { delayBeforeNext, playerReducer, type PlayerAction, type PlayerState } from '../journal/timeline.ts';

export type ReplayExit = { readonly kind: 'quit' } | { readonly kind: 'take-over'; readonly step: number };

export interface ReplayAppProps {
  readonly replay: Replay;
  readonly timeline: JournalTimeline;
  readonly initial: PlayerState;
  readonly title: string;
  readonly onExit: (exit: ReplayExit) => void;
}

const STRIP_LABEL = 'steps ';
const FAILED: Readonly<Record<string, string>> = { failed: '✗ failed', usage: '✗ usage error', error: '✗ internal error' };

export function ReplayApp({ replay, timeline, initial, title, onExit }: ReplayAppProps) {
  const theme = useTheme();
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [state, dispatch] = useReducer((s: PlayerState, a: PlayerAction) => playerReducer(timeline, s, a), initial);
  const [scroll, setScroll] = useState(0);
  const mistakes = useMemo(() => mistakeFrames(replay), [replay]);

  useEffect(() => {
    const delay = delayBeforeNext(timeline, state);
    if (delay === null) return;
    const timer = setTimeout(() => dispatch({ type: 'tick' }), delay);
    return () => clearTimeout(timer);
  }, [timeline, state]);
  // A new position shows its newest lines: scrolling back starts again from the bottom.
  useEffect(() => setScroll(0), [state.pos]);

  const width = Math.max(20, columns);
  const probe = replayView(replay, timeline, state.pos, 0);
  const panel = useMemo(() => buildPanelModel(probe.world, probe.selectedUnits, probe.previous), [probe.world, probe.selectedUnits, probe.previous]);
  const status = buildStatusModel(probe.world, probe.selectedUnits, probe.signatureKeyNames);
  const problems = probe.frame.problems;
  const atEnd = state.pos >= timeline.times.length;
  const keys = atEnd ? 'end of the recording · [ back · p mistake · ↑ ↓ scroll · 0-9 jump · t take over · q quit' : REPLAY_KEYS;
  const keyRows = wrapLine(keys, width).length;
  const fixed = panelLines(panel, columns).length + (panel.summary ? 1 : 0) + 4 + keyRows + (problems.length ? 1 : 0) + (replay.integrity.length ? 1 : 0);
  const height = Math.max(1, rows - fixed - 1);
  const view = replayView(replay, timeline, state.pos, height, width, scroll);
  const shown = frameAt(replay, timeline, state.pos);
  // Keys may arrive faster than frames: each moves from the last clamped scroll, not a stale one.
  const clamped = useRef(0);
  clamped.current = view.scroll;
  const scrollBy = (n: number) => setScroll((s) => Math.max(0, Math.min(s, clamped.current) + n));

  const leave = (e: ReplayExit) => {
    onExit(e);
    exit();
  };
  const seekMistake = (target: number | null): void => {
    if (target === null) return;
    dispatch({ type: 'seek-step', step: target });
    dispatch({ type: 'pause' });
  };
  useInput((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c')) return leave({ kind: 'quit' });
    if (input === 't') return leave({ kind: 'take-over', step: view.step });
    if (key.rightArrow) return dispatch({ type: 'next-step' });
    if (key.leftArrow) return dispatch({ type: 'previous-step' });
    if (key.upArrow) return scrollBy(1);
    if (key.downArrow) return scrollBy(-1);
    if (key.pageUp) return scrollBy(height);
    if (key.pageDown) return scrollBy(-height);
    if (key.end) return setScroll(0);
    // Keys typed quickly may arrive together: each is applied, n and p from where the last one went.
    let step = view.step;
    for (const ch of input) {
      if (ch === 'q') return leave({ kind: 'quit' });
      if (ch === 'n' || ch === 'p') {
        const target = ch === 'n' ? nextMistake(mistakes, step) : previousMistake(mistakes, step);
        seekMistake(target);
        step = target ?? step;
      } else {
        const action = keyAction(ch);
        if (action) dispatch(action);
      }
    }
  });

  const total = replay.frames.length - 1;
  const mode = atEnd ? '■ end' : state.playing ? '▶ playing' : '❚❚ paused';
  const seed = replay.journal.header.seed;
  const failed = view.step > 0 ? FAILED[view.frame.status ?? ''] : undefined;
  const strip = timelineStrip(replay, width - STRIP_LABEL.length - 1, view.step);
  const running = shown && !shown.done ? ' · running' : '';
  const pinned = shown
    ? `${shown.frame.kind === 'command' ? `step ${shown.frame.step}: tkesim> ` : ''}${shown.frame.label}${shown.done && FAILED[shown.frame.status ?? ''] ? `   ${FAILED[shown.frame.status ?? '']}` : running}`
    : 'the start of the recording';
  return (
    <Box flexDirection="column" width={columns}>
      <Text wrap="truncate-end">
        <Text {...theme.heading}>{`REPLAY ${title}`}</Text>
        <Text {...theme.tone.muted}>{` · step ${view.step}/${total}`}</Text>
        {failed ? <Text {...theme.tone.error}>{` ${failed}`}</Text> : null}
        <Text {...theme.tone.muted}>{`${mistakes.length ? ` · ${mistakes.length} mistake${mistakes.length === 1 ? '' : 's'} (n p)` : ''} · ${mode} · ×${state.speed}${seed ? ` · seed "${seed}"` : ''}`}</Text>
      </Text>
      {replay.integrity.length ? <Text {...theme.tone.error} wrap="truncate-end">{replay.integrity.join(' ')}</Text> : null}
      <Text wrap="truncate-end">
        <Text {...theme.tone.muted}>{STRIP_LABEL}</Text>
        {strip.map((c, i) => (
          <Text key={i} {...(c.mark === 'mistake' || c.mark === 'integrity' ? theme.tone.error : theme.tone.muted)} inverse={c.current}>{c.char}</Text>
        ))}
      </Text>
      <Text wrap="truncate-end">
        <Text {...theme.heading}>{pinned}</Text>
        {view.scroll > 0 ? <Text {...theme.tone.muted}>{`   ↑ ${view.scroll} line${view.scroll === 1 ? '' : 's'} up (↓ End back)`}</Text> : null}
      </Text>
      <Box flexDirection="column" justifyContent="flex-end" height={height}>
        {view.lines.map((line, i) => (
          <Text key={i} wrap="truncate-end" {...theme.tone[line.tone]}>{line.text === '' ? ' ' : line.text}</Text>
        ))}
      </Box>
      {problems.length ? <Text {...theme.tone.error} wrap="truncate-end">{`step ${view.step}: ${problems.join('; ')}`}</Text> : null}
      <StatusLine model={status} width={columns} />
      <RegisterPanel model={panel} width={columns} />
      <Text {...theme.tone.muted} wrap="wrap">{keys}</Text>
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
