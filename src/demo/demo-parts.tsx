/** The demo screen's parts: the narration box, the paged output area and the footer. Thin views of demo-frame.ts and output-pager.ts. */
import { Box, Text } from 'ink';
import { useTheme, type TextStyle, type Theme } from '../shell/theme.ts';
import type { BoxLine, BoxLineKind } from './demo-frame.ts';
import type { PagerLine } from './output-pager.ts';

function boxStyle(theme: Theme, kind: BoxLineKind): TextStyle {
  switch (kind) {
    case 'heading': return theme.heading;
    case 'narration': return {};
    case 'note': return theme.tone.muted;
    case 'command': return theme.heading;
    case 'message': return theme.tone.error;
  }
}

export function NarrationBox({ lines, width }: { readonly lines: readonly BoxLine[]; readonly width: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} flexShrink={0}>
      {lines.map((line, i) => <Text key={i} {...boxStyle(theme, line.kind)} wrap="truncate-end">{line.text}</Text>)}
    </Box>
  );
}

function OutputLine({ line, theme }: { readonly line: PagerLine; readonly theme: Theme }) {
  if (line.role === 'command' || line.role === 'typing') {
    const prompt = line.text.startsWith('tkesim> ') ? 'tkesim> ' : line.text.startsWith('> ') ? '> ' : '';
    return (
      <Text wrap="truncate-end">
        <Text {...theme.prompt}>{prompt}</Text>
        <Text {...(line.role === 'command' ? theme.heading : {})}>{line.text.slice(prompt.length)}</Text>
      </Text>
    );
  }
  if (line.role === 'answer') return <Text wrap="truncate-end">{line.text}</Text>;
  if (line.role === 'more') return <Text {...theme.highlight} wrap="truncate-end">{line.text}</Text>;
  return <Text {...theme.tone[line.tone]} wrap="truncate-end">{line.text === '' ? ' ' : line.text}</Text>;
}

/** Exactly `height` rows: the page, then empty rows. */
export function OutputArea({ lines, height, width }: { readonly lines: readonly PagerLine[]; readonly height: number; readonly width: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" height={height} width={width} flexShrink={0} overflow="hidden">
      {lines.slice(0, height).map((line, i) => <OutputLine key={i} line={line} theme={theme} />)}
    </Box>
  );
}

export function Footer({ text, pending }: { readonly text: string; readonly pending: boolean }) {
  const theme = useTheme();
  return <Text {...(pending ? theme.highlight : theme.tone.muted)} wrap="truncate-end">{text}</Text>;
}
