/**
 * The register diagram: the panel drawn as the figure "Loading master keys" (the register states
 * as boxes with the units in them, the arrow the last command took highlighted), then the change line.
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import { diagramLines } from './register-diagram-layout.ts';
import type { DiagramModel } from './register-diagram-model.ts';
import { ChangeLine, SegmentText } from './register-panel.tsx';
import { useTheme } from './theme.ts';

export interface RegisterDiagramProps {
  readonly model: DiagramModel;
  /** Terminal columns: at least DIAGRAM_MIN_WIDTH; boxes grow to hold every unit on one line when wider. */
  readonly width: number;
  /** Rows it may take: beyond them each state is drawn as a one-line chip instead of a box. */
  readonly maxRows?: number;
  /** What the last command changed (the panel model's summary). */
  readonly summary: string;
  /** The change shown came from another process. */
  readonly outside?: boolean;
}

function RegisterDiagramView({ model, width, maxRows, summary, outside = false }: RegisterDiagramProps) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width}>
      {diagramLines(model, width, maxRows).map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.length === 0 ? ' ' : line.map((segment, j) => <SegmentText key={j} segment={segment} theme={theme} />)}
        </Text>
      ))}
      <ChangeLine summary={summary} outside={outside} theme={theme} />
    </Box>
  );
}

/** Memoised: a keystroke at the prompt does not lay the diagram out again. */
export const RegisterDiagram = memo(RegisterDiagramView);
