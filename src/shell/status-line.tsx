/** The status line: region, service instance(s), selected units and signature keys, SEEDED marker. */
import { Box, Text } from 'ink';
import { memo } from 'react';
import { statusSegments, type StatusModel } from './status-model.ts';
import { useTheme } from './theme.ts';

export interface StatusLineProps {
  readonly model: StatusModel;
  readonly width?: number;
}

export const SEEDED_MARK = 'SEEDED';

function StatusLineView({ model, width }: StatusLineProps) {
  const theme = useTheme();
  return (
    <Box width={width}>
      <Text wrap="truncate-end">
        {model.seeded ? <Text {...theme.seeded}>{`${SEEDED_MARK} `}</Text> : null}
        <Text {...theme.tone.muted}>{statusSegments(model).join(' │ ')}</Text>
      </Text>
    </Box>
  );
}

export const StatusLine = memo(StatusLineView);
