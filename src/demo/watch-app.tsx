/**
 * `tkesim watch`: a read-only, projector-sized view of the world in TKESIM_HOME that follows other
 * terminals live: one card per crypto unit, the last change in words, and the signature progress
 * of a command running elsewhere. For demos where the presenter types real commands in one
 * terminal while the projector shows this one.
 */
import { Box, render, Text, useApp, useInput } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import type { World } from '../core/types.ts';
import { resolvePaths } from '../engine/context.ts';
import { PROGRESS_FILE, readProgress, type PublishedProgress } from '../journal/progress-file.ts';
import { shellEngine } from '../shell/engine-adapter.ts';
import { buildPanelModel } from '../shell/panel-model.ts';
import { instanceLine, type Segment } from '../shell/panel-layout.ts';
import { SegmentText } from '../shell/register-panel.tsx';
import { progressText } from '../shell/signature-progress.tsx';
import { StatusLine } from '../shell/status-line.tsx';
import { buildStatusModel } from '../shell/status-model.ts';
import { ThemeContext, useTheme } from '../shell/theme.ts';
import { watchStore } from '../store/watch.ts';
import { watchEntries } from './home-watch.ts';
import { onAlternateScreen, projectorTheme, useTerminalSize } from './screen.ts';
import { CARD_LINES, cardGrid, cardLines } from './watch-cards.ts';
import { wrapText } from './text-wrap.ts';

interface Snapshot {
  readonly world: World | null;
  readonly previous: World | null;
  readonly units: ReadonlySet<string>;
  readonly signatureKeyNames: readonly string[];
  readonly changedAt: Date | null;
  readonly error: string | null;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e instanceof Error && 'code' in e && e.code === 'EPERM';
  }
};

function useWorld(env: NodeJS.ProcessEnv): { readonly snapshot: Snapshot; readonly progress: PublishedProgress | null } {
  const [snapshot, setSnapshot] = useState<Snapshot>({ world: null, previous: null, units: new Set(), signatureKeyNames: [], changedAt: null, error: null });
  const [progress, setProgress] = useState<PublishedProgress | null>(null);
  useEffect(() => {
    const engine = shellEngine(env);
    const paths = resolvePaths(env);
    let stopped = false;
    const load = async () => {
      try {
        const [world, selection] = await Promise.all([engine.world(), engine.selection()]);
        if (stopped) return;
        setSnapshot((s) => {
          const changed = s.world !== null && JSON.stringify(s.world) !== JSON.stringify(world);
          return {
            world, previous: changed ? s.world : s.previous, units: new Set(selection.units), signatureKeyNames: selection.signatureKeyNames,
            changedAt: changed ? new Date() : s.changedAt, error: null,
          };
        });
      } catch (e) {
        if (!stopped) setSnapshot((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }));
      }
    };
    const readLive = () => {
      const p = readProgress(paths.home);
      setProgress(p && alive(p.pid) ? p : null);
    };
    void load();
    readLive();
    const watchers = [watchStore(paths.home, () => void load()), watchEntries(paths.tkeFiles, null, () => void load()), watchEntries(paths.home, [PROGRESS_FILE], readLive)];
    const timer = setInterval(readLive, 1000);
    return () => {
      stopped = true;
      for (const w of watchers) w.close();
      clearInterval(timer);
    };
  }, [env]);
  return { snapshot, progress };
}

function Line({ segments }: { readonly segments: readonly Segment[] }) {
  const theme = useTheme();
  return <Text wrap="truncate-end">{segments.map((s, i) => <SegmentText key={i} segment={s} theme={theme} />)}</Text>;
}

export function WatchApp({ env }: { readonly env: NodeJS.ProcessEnv }) {
  const theme = useTheme();
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const { snapshot, progress } = useWorld(env);
  useInput((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c')) exit();
  });
  const { world, previous } = snapshot;
  const model = useMemo(() => (world ? buildPanelModel(world, snapshot.units, previous) : null), [world, snapshot.units, previous]);
  const status = world ? buildStatusModel(world, snapshot.units, snapshot.signatureKeyNames) : null;
  const grid = model ? cardGrid(model, columns) : null;
  const when = snapshot.changedAt ? `${snapshot.changedAt.toTimeString().slice(0, 8)} ` : '';
  const change = model && snapshot.previous ? wrapText(`» ${when}${model.summary}`, columns).slice(0, 2) : ['» waiting for a change from another terminal'];
  return (
    <Box flexDirection="column" width={columns} height={rows} overflow="hidden">
      <Text {...theme.heading} wrap="truncate-end">{`tkesim watch · ${resolvePaths(env).home}`}</Text>
      {status ? <StatusLine model={status} width={columns} /> : <Text>{snapshot.error ?? 'Loading the simulated world...'}</Text>}
      {model?.instances.map((instance) => <Line key={instance.id} segments={instanceLine(instance)} />)}
      {grid?.rows.map((cards, r) => (
        <Box key={r} flexDirection="row" flexShrink={0}>
          {cards.map((row) => (
            <Box key={row.unitId} borderStyle="round" flexDirection="column" paddingX={1} width={grid.cardWidth} height={CARD_LINES + 2} flexShrink={0}>
              {cardLines(row, grid.cardWidth - 4).map((line, i) => <Line key={i} segments={line} />)}
            </Box>
          ))}
        </Box>
      ))}
      {change.map((line, i) => <Text key={`c${i}`} {...theme.heading} wrap="truncate-end">{line}</Text>)}
      {progress ? <Text {...theme.tone.ok} wrap="truncate-end">{`${progress.command} (another terminal): ${progressText(progress.progress)}`}</Text> : null}
      <Box flexGrow={1} />
      <Text {...theme.tone.muted} wrap="truncate-end">read-only · follows TKESIM_HOME live · q quit</Text>
    </Box>
  );
}

export async function runWatchApp(env: NodeJS.ProcessEnv): Promise<number> {
  await onAlternateScreen(async () => {
    const app = render(
      <ThemeContext.Provider value={projectorTheme(env)}>
        <WatchApp env={env} />
      </ThemeContext.Provider>,
      { exitOnCtrlC: false },
    );
    await app.waitUntilExit();
  });
  return 0;
}
