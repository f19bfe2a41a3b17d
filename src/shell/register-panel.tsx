/** The register panel: one row (or card) per crypto unit, and one line on what the last command changed. */
import { Box, Text } from 'ink';
import { memo } from 'react';
import { panelLines, type Segment, type SegmentRole } from './panel-layout.ts';
import type { PanelModel } from './panel-model.ts';
import { useTheme, type TextStyle, type Theme } from './theme.ts';

export interface RegisterPanelProps {
  readonly model: PanelModel;
  /** Terminal columns: admin names show from WIDE (110) on; below 80 rows become cards when needed. */
  readonly width: number;
  /** The change shown came from another process (a second terminal, a one-shot command). */
  readonly outside?: boolean;
  /** Rows the panel may take, its change line included: taller, it takes its short form (panelLines). */
  readonly maxRows?: number;
}

function roleStyle(theme: Theme, role: SegmentRole): TextStyle {
  switch (role) {
    case 'plain': return {};
    case 'heading': return theme.heading;
    case 'differs': return theme.differs;
    case 'selected': return theme.selected;
    case 'muted': return theme.tone.muted;
  }
}

export function SegmentText({ segment, theme }: { readonly segment: Segment; readonly theme: Theme }) {
  const style = segment.changed ? theme.highlight : roleStyle(theme, segment.role);
  return <Text {...style}>{segment.text}</Text>;
}

/** What the last command changed, in one line (nothing before the first command). */
export function ChangeLine({ summary, outside, theme }: { readonly summary: string; readonly outside: boolean; readonly theme: Theme }) {
  return summary ? <Text {...theme.tone.muted} wrap="wrap">{`» ${outside ? 'from another terminal: ' : ''}${summary}`}</Text> : null;
}

function RegisterPanelView({ model, width, outside = false, maxRows }: RegisterPanelProps) {
  const theme = useTheme();
  const lines = panelLines(model, width, maxRows === undefined ? undefined : maxRows - (model.summary ? 1 : 0));
  return (
    <Box flexDirection="column" width={width}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.map((segment, j) => <SegmentText key={j} segment={segment} theme={theme} />)}
        </Text>
      ))}
      <ChangeLine summary={model.summary} outside={outside} theme={theme} />
    </Box>
  );
}

/** Memoised: a keystroke at the prompt does not lay the panel out again. */
export const RegisterPanel = memo(RegisterPanelView);
