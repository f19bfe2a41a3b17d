/**
 * The demo screen: the session's log, the narration of the step, the status line and register
 * panel, the prompt where commands are typed, and the keys (any key: next step; b back; t take
 * over; q quit).
 */
import { Box, render, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ShellController } from '../shell/controller.ts';
import { OutputLog } from '../shell/output-log.tsx';
import { buildPanelModel } from '../shell/panel-model.ts';
import { RegisterPanel } from '../shell/register-panel.tsx';
import { StatusLine } from '../shell/status-line.tsx';
import { buildStatusModel } from '../shell/status-model.ts';
import { ThemeContext, themeFromEnv, useTheme } from '../shell/theme.ts';
import type { DemoRunner } from './demo-runner.ts';

export type DemoExit = 'quit' | 'take-over';

export interface DemoAppProps {
  readonly runner: DemoRunner;
  readonly controller: ShellController;
  /** Show speaker notes. */
  readonly notes: boolean;
  /** Advance by itself after this many seconds (unattended runs, generating sessions). */
  readonly auto: number | null;
  readonly onExit: (exit: DemoExit) => void;
}

export function DemoApp({ runner, controller, notes, auto, onExit }: DemoAppProps) {
  const theme = useTheme();
  const { exit } = useApp();
  const { stdout } = useStdout();
  const columns = stdout.columns || 80;
  const demo = useSyncExternalStore(runner.subscribe, runner.getView);
  const view = useSyncExternalStore(controller.subscribe, controller.getView);
  const first = runner.firstStep;
  const total = runner.script.steps.length - first;

  const leave = (e: DemoExit) => {
    onExit(e);
    exit();
  };
  useInput((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c')) return leave('quit');
    if (demo.phase === 'running') return;
    if (input === 't') return leave('take-over');
    if (input === 'b' || key.leftArrow) return void runner.back();
    if (demo.phase === 'waiting') void runner.next();
  });
  useEffect(() => {
    if (auto === null || demo.phase === 'running') return;
    const timer = setTimeout(() => (demo.phase === 'finished' ? leave('quit') : void runner.next()), auto * 1000);
    return () => clearTimeout(timer);
  });

  const panel = useMemo(() => (view.world ? buildPanelModel(view.world, view.selectedUnits, view.previous) : null), [view.world, view.selectedUnits, view.previous]);
  const status = view.world ? buildStatusModel(view.world, view.selectedUnits, view.signatureKeyNames) : null;
  const step = demo.current;
  const number = Math.min(demo.done + 1 - first, total);
  const heading = demo.phase === 'finished' ? `${runner.script.title}: the end (${total} steps)` : `${demo.phase === 'waiting' ? 'Next: ' : ''}step ${number}/${total} · ${step?.title ?? ''}`;
  const keys = demo.phase === 'running' ? 'running...' : demo.phase === 'finished' ? 'b back · t take over · q quit' : 'any key: run the step · b back · t take over · q quit';
  const prompt = view.question ? '> ' : 'tkesim> ';

  return (
    <>
      <OutputLog key={view.logEpoch} items={view.log} />
      <Box flexDirection="column" width={columns}>
        <Box flexDirection="column" borderStyle="round" paddingX={1} width={columns}>
          <Text {...theme.heading} wrap="truncate-end">{heading}</Text>
          {demo.phase !== 'finished' ? step?.narration.map((line, i) => <Text key={i} wrap="wrap">{line}</Text>) : null}
          {notes && demo.phase !== 'finished' ? step?.notes.map((line, i) => <Text key={`n${i}`} {...theme.tone.muted} wrap="wrap">{`note: ${line}`}</Text>) : null}
          {demo.message ? <Text {...theme.tone.error}>{demo.message}</Text> : null}
        </Box>
        {status ? <StatusLine model={status} width={columns} /> : null}
        {panel ? <RegisterPanel model={panel} width={columns} /> : null}
        <Text>
          <Text {...theme.prompt}>{prompt}</Text>
          {demo.masked ? '' : demo.typed}
          {demo.phase === 'running' ? <Text {...theme.cursor}> </Text> : null}
        </Text>
        <Text {...theme.tone.muted} wrap="truncate-end">{`demo · ${keys}`}</Text>
      </Box>
    </>
  );
}

/** Renders the demo until the presenter quits or takes over. */
export async function runDemoApp(props: Omit<DemoAppProps, 'onExit'>, env: NodeJS.ProcessEnv): Promise<DemoExit> {
  const result: { exit: DemoExit } = { exit: 'quit' };
  const app = render(
    <ThemeContext.Provider value={themeFromEnv(env)}>
      <DemoApp {...props} onExit={(e) => (result.exit = e)} />
    </ThemeContext.Provider>,
    { exitOnCtrlC: false },
  );
  await app.waitUntilExit();
  return result.exit;
}
