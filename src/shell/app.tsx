/** The shell's screen: the log scrolls above a live region holding the status, the panel and the prompt. */
import { Box, Text, useApp, useStdout } from 'ink';
import { useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { CompletionContext } from './completion.ts';
import type { ShellController } from './controller.ts';
import { OutputLog } from './output-log.tsx';
import { buildPanelModel } from './panel-model.ts';
import { PromptLine } from './prompt-line.tsx';
import { RegisterPanel } from './register-panel.tsx';
import { RegisterDiagram } from './register-diagram.tsx';
import { DIAGRAM_MIN_WIDTH } from './register-diagram-layout.ts';
import { buildDiagramModel } from './register-diagram-model.ts';
import { usePanelRoom } from './use-panel-room.ts';
import { SignatureProgress, progressText } from './signature-progress.tsx';
import { buildStatusModel } from './status-model.ts';
import { StatusLine } from './status-line.tsx';
import { useTheme } from './theme.ts';
import { usePrompt } from './use-prompt.ts';
import { useTerminalSize } from './use-terminal-size.ts';

export interface AppProps {
  readonly controller: ShellController;
  readonly commands: readonly string[];
  readonly flags: Readonly<Record<string, readonly string[]>>;
  readonly history: readonly string[];
  /** A command line was submitted (never an answer, never a secret): record it in the history file. */
  readonly onCommandLine: (line: string) => void;
  /** Extra panels (a lesson, a replay's controls), shown above the status line. */
  readonly children?: ReactNode;
}

export function App({ controller, commands, flags, history, onCommandLine, children }: AppProps) {
  const view = useSyncExternalStore(controller.subscribe, controller.getView);
  const room = usePanelRoom(view.previous === null ? view.world : null);
  const { exit } = useApp();
  const { stdout } = useStdout();
  const theme = useTheme();
  const { columns } = useTerminalSize();

  const context: CompletionContext = useMemo(() => ({
    commands, flags,
    keynums: () => controller.view.keynums,
    partKeynums: () => controller.view.partKeynums,
    unitNumbers: () => (controller.view.world?.units ?? []).map((_, i) => i + 1),
  }), [commands, flags, controller]);

  const { state, dispatch } = usePrompt({
    context, history,
    onSubmit: (line, masked) => {
      const answering = controller.view.question !== null;
      if (!answering && !masked && line.trim() !== '') onCommandLine(line.trim());
      void controller.submit(line);
    },
    onInterrupt: (hadText) => controller.interrupt(hadText),
    onEof: () => controller.endOfInput(),
    onTogglePanel: () => controller.togglePanelView(),
    onRedraw: () => {
      // The terminal's screen and scrollback are cleared and the log emptied: the panel and the
      // prompt are drawn again from the top.
      stdout.write('\u001b[2J\u001b[3J\u001b[H');
      controller.clearLog();
    },
  });

  useEffect(() => {
    controller.promptMode = (mode) => dispatch({ type: 'set-mode', ...mode });
    return () => {
      controller.promptMode = null;
    };
  }, [controller, dispatch]);
  const secret = view.question?.kind === 'secret';

  useEffect(() => {
    if (view.exited) exit();
  }, [view.exited, exit]);

  const panel = useMemo(() => (view.world ? buildPanelModel(view.world, view.selectedUnits, view.previous) : null), [view.world, view.selectedUnits, view.previous]);
  // The diagram needs DIAGRAM_MIN_WIDTH columns; a narrower terminal keeps the table.
  const diagram = useMemo(() => (view.world && view.panelView === 'diagram' ? buildDiagramModel(view.world, view.selectedUnits, view.previous) : null), [view.world, view.selectedUnits, view.previous, view.panelView]);
  const status = useMemo(() => (view.world ? buildStatusModel(view.world, view.selectedUnits, view.signatureKeyNames) : null), [view.world, view.selectedUnits, view.signatureKeyNames]);

  return (
    <>
      <OutputLog key={view.logEpoch} items={view.log} width={columns} />
      <Box flexDirection="column" width={columns}>
        {/* After a clear, the frame must differ from the last one for Ink to draw it again. */}
        {view.logEpoch % 2 === 1 ? <Text> </Text> : null}
        <Box ref={room.above} flexDirection="column">{children}</Box>
        {status ? <StatusLine model={status} width={columns} /> : null}
        {panel && diagram && columns >= DIAGRAM_MIN_WIDTH ? <RegisterDiagram model={diagram} width={columns} maxRows={room.rows} summary={panel.summary} outside={view.changedOutside} />
          : panel ? <RegisterPanel model={panel} width={columns} outside={view.changedOutside} /> : <Text {...theme.tone.muted}>Loading the simulated world...</Text>}
        {view.progress?.kind === 'signatures' ? <SignatureProgress progress={view.progress} /> : null}
        {view.progress?.kind === 'work' ? <Text {...theme.tone.muted}>{progressText(view.progress)}</Text> : null}
        {view.busy && !view.question ? <Text {...theme.tone.muted}>working...</Text> : null}
        <PromptLine state={secret && !state.masked ? { ...state, masked: true } : state} prompt={view.question ? '> ' : view.busy ? '… ' : 'tkesim> '} focus={!view.busy || view.question !== null} />
      </Box>
    </>
  );
}
