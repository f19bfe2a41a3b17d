/** The lesson panel, above the status line: goal, steps, what to do and why, progress. */
import { Box, Text } from 'ink';
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

export function LessonPanelView({ model }: { readonly model: LessonPanelModel }) {
  const theme = useTheme();
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
        {model.goal}
      </Text>
      {model.current ? (
        <>
          <Text wrap="wrap" {...theme.selected}>{`Step ${model.current.number}: ${model.current.title}`}</Text>
          <Text wrap="wrap">{`  Do:  ${model.current.what}`}</Text>
          <Text wrap="wrap" {...theme.tone.muted}>{`  Why: ${model.current.why}`}</Text>
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
  return model ? <LessonPanelView model={model} /> : null;
}
