/**
 * The demo screen, filling the terminal: the narration box (the step on show, with its command),
 * the step's output paged so that its outcome stays visible, the status line, the register panel
 * (one line per unit below 30 rows; `p` hides it) and the keys. Redrawn on every resize.
 */
import { Box, render, useApp, useInput } from 'ink';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ShellController } from '../shell/controller.ts';
import { fixedPanelHeight } from '../shell/compact-panel-layout.ts';
import { FixedPanel } from '../shell/compact-panel.tsx';
import { buildPanelModel } from '../shell/panel-model.ts';
import { StatusLine } from '../shell/status-line.tsx';
import { buildStatusModel } from '../shell/status-model.ts';
import { ThemeContext } from '../shell/theme.ts';
import { demoFrame } from './demo-frame.ts';
import { demoKey, demoUiReducer, INITIAL_UI, pendingText, type DemoEffect, type DemoUi } from './demo-keys.ts';
import { Footer, NarrationBox, OutputArea } from './demo-parts.tsx';
import type { DemoRunner } from './demo-runner.ts';
import { pageOutput } from './output-pager.ts';
import { onAlternateScreen, projectorTheme, useTerminalSize } from './screen.ts';

export type DemoExit = 'quit' | 'take-over';

export interface DemoAppProps {
  readonly runner: DemoRunner;
  readonly controller: ShellController;
  /** Show speaker notes on this screen too (`tkesim presenter` shows them in its own terminal). */
  readonly notes: boolean;
  /** Advance by itself after this many seconds (unattended runs, generating sessions). */
  readonly auto: number | null;
  readonly onExit: (exit: DemoExit) => void;
}

export function DemoApp({ runner, controller, notes, auto, onExit }: DemoAppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const demo = useSyncExternalStore(runner.subscribe, runner.getView);
  const view = useSyncExternalStore(controller.subscribe, controller.getView);
  const [ui, setUi] = useState<DemoUi>(INITIAL_UI);
  const uiRef = useRef(ui);
  const scrollRange = useRef({ minScroll: 0, maxScroll: 0 });

  const apply = (next: DemoUi, effect: DemoEffect) => {
    uiRef.current = next;
    setUi(next);
    if (effect === 'next') void runner.next();
    else if (effect === 'back') void runner.back();
    else if (effect !== null) {
      onExit(effect);
      exit();
    }
  };
  useInput((input, key) => {
    // Keys typed quickly may arrive together: each counts (and "tt" confirms a take-over).
    const presses = input.length > 1 && !key.ctrl && !key.meta ? [...input].map((ch) => demoKey(ch, {})) : [demoKey(input, key)];
    for (const press of presses) {
      const context = { running: runner.view.phase === 'running', ...scrollRange.current };
      const r = demoUiReducer(uiRef.current, { type: 'key', key: press, context });
      apply(r.ui, r.effect);
    }
  });
  useEffect(() => {
    const r = demoUiReducer(uiRef.current, { type: 'new-page' });
    apply(r.ui, r.effect);
  }, [demo.shown, demo.ran]);
  useEffect(() => {
    if (auto === null || demo.phase === 'running') return;
    const timer = setTimeout(() => (demo.phase === 'finished' ? apply(uiRef.current, 'quit') : void runner.next()), auto * 1000);
    return () => clearTimeout(timer);
  });

  const panel = useMemo(() => (view.world ? buildPanelModel(view.world, view.selectedUnits, view.previous) : null), [view.world, view.selectedUnits, view.previous]);
  const status = view.world ? buildStatusModel(view.world, view.selectedUnits, view.signatureKeyNames) : null;
  const frame = demoFrame({
    columns, rows, view: demo, steps: runner.script.steps, firstStep: runner.firstStep, title: runner.script.title, notes,
    panelHidden: ui.panelHidden, pending: pendingText(ui.pending),
    panelHeight: (variant) => (panel ? fixedPanelHeight(panel, variant, columns) : 0),
  });
  const typing = demo.typing === 'command' ? `tkesim> ${demo.typed}` : demo.typing === 'answer' ? `> ${demo.masked ? '' : demo.typed}` : null;
  const page = pageOutput({ items: demo.output, typing, width: columns, height: frame.outputRows, scroll: ui.scroll });
  scrollRange.current = { minScroll: page.minScroll, maxScroll: page.maxScroll };

  return (
    <Box flexDirection="column" width={columns} height={rows} overflow="hidden">
      <NarrationBox lines={frame.box} width={columns} />
      <OutputArea lines={page.lines} height={frame.outputRows} width={columns} />
      {frame.status && status ? <StatusLine model={status} width={columns} /> : null}
      {frame.panel && panel ? <FixedPanel model={panel} width={columns} variant={frame.panel} /> : null}
      <Footer {...frame.footer} />
    </Box>
  );
}

/** Renders the demo until the presenter quits or takes over. */
export async function runDemoApp(props: Omit<DemoAppProps, 'onExit'>, env: NodeJS.ProcessEnv): Promise<DemoExit> {
  const result: { exit: DemoExit } = { exit: 'quit' };
  await onAlternateScreen(async () => {
    const app = render(
      <ThemeContext.Provider value={projectorTheme(env)}>
        <DemoApp {...props} onExit={(e) => (result.exit = e)} />
      </ThemeContext.Provider>,
      { exitOnCtrlC: false },
    );
    await app.waitUntilExit();
  });
  return result.exit;
}
