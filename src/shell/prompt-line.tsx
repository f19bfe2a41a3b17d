/**
 * The prompt line. Renders a PromptState; a masked (secret) line renders only as one `*` per
 * character, or as nothing: the buffer's characters are never put on screen while masked.
 */
import { Box, Text } from 'ink';
import { looksSecret } from '../engine/secrets.ts';
import { nextBoundary } from './line-editing.ts';
import type { PromptState } from './prompt-reducer.ts';
import { useTheme } from './theme.ts';

export type MaskEcho = 'stars' | 'none';

export interface PromptLineProps {
  readonly state: PromptState;
  /** Printed before the input: `tkesim> ` at the command prompt, the CLI's `> ` for an answer. */
  readonly prompt: string;
  /** How a masked line echoes (default: nothing, like the real CLI's password prompts). */
  readonly echo?: MaskEcho;
  /** Show the cursor (false while a command runs). */
  readonly focus?: boolean;
}

/** What a masked buffer shows: a star per character (code point) or nothing. Takes only a length. */
export function maskedEcho(length: number, echo: MaskEcho): string {
  return echo === 'stars' ? '*'.repeat(length) : '';
}

function Cursor({ char, focus }: { readonly char: string; readonly focus: boolean }) {
  const theme = useTheme();
  return focus ? <Text {...theme.cursor}>{char || ' '}</Text> : <Text>{char}</Text>;
}

export function PromptLine({ state, prompt, echo = 'none', focus = true }: PromptLineProps) {
  const theme = useTheme();
  if (state.search) {
    const match = state.search.match === null ? '' : (state.history[state.search.match] ?? '');
    const label = state.search.match === null && state.search.query ? 'failing reverse-i-search' : 'reverse-i-search';
    return (
      <Text>
        <Text {...theme.prompt}>{`(${label})'${state.search.query}': `}</Text>
        {match}
        <Cursor char="" focus={focus} />
      </Text>
    );
  }
  if (state.masked || looksSecret(state.buffer)) {
    return (
      <Text>
        <Text {...theme.prompt}>{prompt}</Text>
        {maskedEcho([...state.buffer].length, echo)}
        <Cursor char="" focus={focus} />
      </Text>
    );
  }
  const at = nextBoundary(state.buffer, state.cursor);
  return (
    <Box flexDirection="column">
      <Text>
        <Text {...theme.prompt}>{prompt}</Text>
        {state.buffer.slice(0, state.cursor)}
        <Cursor char={state.buffer.slice(state.cursor, at)} focus={focus} />
        {state.buffer.slice(at)}
      </Text>
      {state.completion ? <Text {...theme.tone.muted}>{state.completion.candidates.join('  ')}</Text> : null}
    </Box>
  );
}
