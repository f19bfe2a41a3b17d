/** The shell's screen: the log scrolls above a live region holding the status, the panel and the prompt. */
import { Box, Text, useApp, useStdout } from 'ink';
import { useEffect, useMemo, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import type { CompletionContext } from './completion.ts';
import type { ShellController } from './controller.ts';
import { OutputLog } from './output-log.tsx';
import { PromptLine } from './prompt-line.tsx';
import { usePanelRoom } from './use-panel-room.ts';
import { SignatureProgress, progressText } from './signature-progress.tsx';
import { useTheme } from './theme.ts';
import { usePrompt } from './use-prompt.ts';
import { useTerminalSize } from './use-terminal-size.ts';
import type { WorldPanelProps } from './world-panel.tsx';

export interface AppProps {
  readonly controller: ShellController;
  readonly commands: readonly string[];
  readonly flags: Readonly<Record<string, readonly string[]>>;
  readonly history: readonly string[];
  /** A command line was submitted (never an answer, never a secret): record it in the history file. */
  readonly onCommandLine: (line: string) => void;
  /** The status line and register panel (world-panel.tsx), once loaded: until then the frame says the world is loading. */
  readonly worldPanel: ComponentType<WorldPanelProps> | null;
  /** The first frame draws the log in place (the plain shell's greeting: see OutputLog). */
  readonly logInPlaceFirst?: boolean;
  /** Extra panels (a lesson, a replay's controls), shown above the status line. */
  readonly children?: ReactNode;
}

export function App({ controller, commands, flags, history, onCommandLine, worldPanel: WorldPanel, logInPlaceFirst = false, children }: AppProps) {
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

  return (
    <>
      <OutputLog key={view.logEpoch} items={view.log} width={columns} inPlaceFirst={logInPlaceFirst && view.logEpoch === 0} />
      <Box flexDirection="column" width={columns}>
        {/* After a clear, the frame must differ from the last one for Ink to draw it again. */}
        {view.logEpoch % 2 === 1 ? <Text> </Text> : null}
        <Box ref={room.above} flexDirection="column">{children}</Box>
        {view.world && WorldPanel ? <WorldPanel view={view} width={columns} rows={room.rows} /> : <Text {...theme.tone.muted}>Loading the simulated world...</Text>}
        {view.progress?.kind === 'signatures' ? <SignatureProgress progress={view.progress} /> : null}
        {view.progress?.kind === 'work' ? <Text {...theme.tone.muted}>{progressText(view.progress)}</Text> : null}
        {view.busy && !view.question ? <Text {...theme.tone.muted}>working...</Text> : null}
        <PromptLine state={secret && !state.masked ? { ...state, masked: true } : state} prompt={view.question ? '> ' : view.busy ? '… ' : 'tkesim> '} focus={!view.busy || view.question !== null} />
      </Box>
    </>
  );
}
