/**
 * The log of past output. Ink's <Static> writes each item once, above the live region (panel and
 * prompt), and never re-renders it, so the frame stays fast however long the session grows. Items
 * are append-only: to clear the screen, remount the log with a new React key and an empty list.
 */
import { Box, Static, Text } from 'ink';
import { memo, useEffect, useMemo, useState } from 'react';
import { reflow } from './reflow.ts';
import { useTheme, type Tone } from './theme.ts';

export type { Tone } from './theme.ts';

export interface OutputItem {
  /** Unique and stable: React's key for the item. */
  readonly id: string;
  readonly text: string;
  readonly tone: Tone;
}

function OutputLogView({ items, width, inPlaceFirst = false }: { readonly items: readonly OutputItem[]; readonly width?: number; readonly inPlaceFirst?: boolean }) {
  const theme = useTheme();
  // Reflowed here, once per item: Ink's own wrapping would start rows with a space and split words.
  const list = useMemo(() => (width ? items.map((i) => ({ ...i, text: reflow(i.text, width) })) : [...items]), [items, width]);
  // `inPlaceFirst` (the plain shell's start): the first frame draws the log (the greeting) in place,
  // because Ink's <Static> costs a second render pass and the prompt need not wait for it; Static
  // takes the items over right after. Not for a lesson's start: its introduction, drawn in place
  // above the lesson box and panel, would make the frame taller than the terminal, and Ink then
  // clears the screen and its scrollback.
  const [first, setFirst] = useState(inPlaceFirst);
  useEffect(() => {
    // Only when drawn in place: any extra frame of a frame taller than the terminal clears it again.
    if (inPlaceFirst) setFirst(false);
  }, [inPlaceFirst]);
  if (first) {
    return (
      <Box flexDirection="column">
        {list.map((item) => (
          <Text key={item.id} {...theme.tone[item.tone]}>
            {item.text}
          </Text>
        ))}
      </Box>
    );
  }
  return (
    <Static items={list}>
      {(item) => (
        <Text key={item.id} {...theme.tone[item.tone]}>
          {item.text}
        </Text>
      )}
    </Static>
  );
}

/** Memoised: a keystroke that leaves `items` alone does not touch the log at all. */
export const OutputLog = memo(OutputLogView);
