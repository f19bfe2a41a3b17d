/**
 * The register panel in a fixed height (see compact-panel-layout.ts): `compact` is one line per
 * unit, `full` the usual table; the change summary is cut to one line. For fixed-size screens:
 * a demo on a projector, `tkesim watch`.
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import { fixedPanelLines, type PanelVariant } from './compact-panel-layout.ts';
import type { PanelModel } from './panel-model.ts';
import { SegmentText } from './register-panel.tsx';
import { useTheme } from './theme.ts';

export interface FixedPanelProps {
  readonly model: PanelModel;
  readonly width: number;
  readonly variant: PanelVariant;
}

function FixedPanelView({ model, width, variant }: FixedPanelProps) {
  const theme = useTheme();
  const lines = fixedPanelLines(model, variant, width);
  return (
    <Box flexDirection="column" width={width}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.length === 0 ? ' ' : line.map((segment, j) => <SegmentText key={j} segment={segment} theme={theme} />)}
        </Text>
      ))}
      <Text {...theme.tone.muted} wrap="truncate-end">{model.summary ? `» ${model.summary}` : ' '}</Text>
    </Box>
  );
}

export const FixedPanel = memo(FixedPanelView);
