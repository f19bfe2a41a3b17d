/** The lesson panel, above the status line: goal, steps, what to do and why, progress. */
import { Box, Text, useStdout } from 'ink';
import { reflow } from '../shell/reflow.ts';
import { useSyncExternalStore } from 'react';
import type { LessonHost } from './host.ts';
import { BUILTIN_WORDS, type LessonPanelModel, type StepStatus } from './panel-model.ts';
import { useTheme, type TextStyle, type Theme } from '../shell/theme.ts';

const MARK: Readonly<Record<StepStatus, string>> = { done: '✔', current: '▶', todo: '·' };

function stepStyle(theme: Theme, status: StepStatus): TextStyle {
  switch (status) {
    case 'done': return theme.tone.ok;
    case 'current': return { ...theme.selected, bold: true };
    case 'todo': return theme.tone.muted;
  }
}

export function LessonPanelView({ model, width = 80 }: { readonly model: LessonPanelModel; readonly width?: number }) {
  const theme = useTheme();
  // Inside the border and padding; wrapped rows hang under their label.
  const inner = Math.max(20, width - 4);
  const goal = reflow(`Goal: ${model.goal}`, inner).slice('Goal: '.length);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text wrap="truncate-end">
        <Text {...theme.heading}>{model.heading}</Text>
        {'   '}
        {model.steps.map((step) => (
          <Text key={step.number} {...stepStyle(theme, step.status)}>{`${MARK[step.status]}${step.number} `}</Text>
        ))}
        <Text {...theme.tone.muted}>{`  ${model.progress}`}</Text>
      </Text>
      <Text wrap="wrap">
        <Text {...theme.heading}>Goal: </Text>
        {goal}
      </Text>
      {model.current ? (
        <>
          <Text wrap="wrap" {...theme.selected}>{`Step ${model.current.number}: ${model.current.title}`}</Text>
          <Text wrap="wrap">{reflow(`  Do:  ${model.current.what}`, inner)}</Text>
          <Text wrap="wrap" {...theme.tone.muted}>{reflow(`  Why: ${model.current.why}`, inner)}</Text>
        </>
      ) : null}
      {model.result ? <Text wrap="wrap" {...theme.tone.ok}>{model.result}</Text> : null}
      <Text wrap="truncate-end" {...theme.tone.muted}>{model.counters}</Text>
      <Text wrap="truncate-end" {...theme.tone.muted}>{`Type: ${BUILTIN_WORDS}`}</Text>
    </Box>
  );
}

/** The panel of the running lesson; nothing when no lesson runs. */
export function LessonPanel({ host }: { readonly host: LessonHost }) {
  const model = useSyncExternalStore(host.subscribe, host.getModel);
  const { stdout } = useStdout();
  return model ? <LessonPanelView model={model} width={stdout.columns || 80} /> : null;
}
