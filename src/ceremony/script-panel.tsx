/**
 * The script panel, above the register panel: the step, its actor and instruction, what is
 * expected, the state checks, open exceptions. On a short terminal every row is one line, so the
 * shell's live region stays shorter than the screen (a taller one would make the shell redraw its
 * whole history, and show a previous person's lines again).
 */
import { Box, Text } from 'ink';
import { useSyncExternalStore } from 'react';
import { useTheme, type TextStyle, type Theme } from '../shell/theme.ts';
import { useTerminalSize } from '../shell/use-terminal-size.ts';
import { CEREMONY_WORDS, type ScriptPanelModel } from './script-panel-model.ts';
import type { StepStatus } from './step-progress.ts';

const MARK: Readonly<Record<StepStatus, string>> = { done: '✔', current: '▶', pending: '·', skipped: '✘' };
/** Below this many rows the panel keeps every row to one line. */
const ROOMY = 34;

function markStyle(theme: Theme, status: StepStatus): TextStyle {
  switch (status) {
    case 'done': return theme.tone.ok;
    case 'current': return { ...theme.selected, bold: true };
    case 'pending': return theme.tone.muted;
    case 'skipped': return theme.tone.error;
  }
}

const useRows = (): number => useTerminalSize().rows;

export function ScriptPanelView({ model, roomy }: { readonly model: ScriptPanelModel; readonly roomy: boolean }) {
  const theme = useTheme();
  const wrap = roomy ? 'wrap' : 'truncate-end';
  const c = model.current;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text wrap="truncate-end" {...theme.heading}>{model.heading}</Text>
      {c ? (
        <>
          <Text wrap="truncate-end">
            <Text {...theme.selected}>{c.title}</Text>
            <Text>{` · ${c.who}`}</Text>
          </Text>
          <Text wrap={wrap}>{`Do: ${c.instruction}`}</Text>
          <Text wrap="truncate-end">{`Expected: ${c.expected}`}</Text>
          {model.checks.length > 0 ? (
            <Text wrap={wrap}>
              {`State: ${model.checks.filter((k) => k.ok).length} of ${model.checks.length} hold`}
              {/* What still differs first: on a short terminal the line is cut at the end. */}
              {[...model.checks].sort((a, b) => Number(a.ok) - Number(b.ok)).map((k, i) => (
                <Text key={i} {...(k.ok ? theme.tone.ok : theme.tone.muted)}>{` · ${k.ok ? '✔' : '✘'} ${k.label}`}</Text>
              ))}
            </Text>
          ) : null}
        </>
      ) : null}
      {model.notice ? <Text wrap={wrap} {...theme.tone[model.notice.tone]}>{model.notice.text}</Text> : null}
      <Text wrap="truncate-end">
        <Text>{`Keyboard: ${model.keyboard}  `}</Text>
        {model.marks.map((m) => <Text key={m.number} {...markStyle(theme, m.status)}>{MARK[m.status]}</Text>)}
        <Text {...theme.tone.muted}>{`  ${model.progress} · ${CEREMONY_WORDS}`}</Text>
      </Text>
    </Box>
  );
}

export interface PanelSource {
  subscribe(listener: () => void): () => void;
  getModel(): ScriptPanelModel | null;
}

export function ScriptPanel({ source }: { readonly source: PanelSource }) {
  const model = useSyncExternalStore(source.subscribe, source.getModel);
  const rows = useRows();
  return model ? <ScriptPanelView model={model} roomy={rows >= ROOMY} /> : null;
}
