/**
 * How many rows the register panel may take: the terminal's rows, less what is drawn above it
 * (a lesson's box, measured after each frame), the status line, the change line, the prompt and
 * room for the output of the commands (a dialog's questions must stay on screen).
 *
 * The measure is one frame late. A frame taller than the terminal makes Ink clear the screen and
 * its scrollback, so until a fresh world (a lesson starting) has been measured, the room is taken
 * to be none: the panel draws small first and grows once the measure says it may.
 */
import { measureElement, useStdout, type DOMElement } from 'ink';
import { useEffect, useRef, useState, type RefObject } from 'react';

/** Rows of output that stay visible below whatever the panel shows. */
export const OUTPUT_ROWS = 5;
/** The status line, the change line and the prompt. */
const AROUND_PANEL = 3;
const UNMEASURED = Number.POSITIVE_INFINITY;

export interface PanelRoom {
  /** Put on the Box that holds what is drawn above the status line. */
  readonly above: RefObject<DOMElement | null>;
  /** Rows the panel may take (negative: none to spare). */
  readonly rows: number;
}

/** `fresh`: the world when it was just loaded or switched (no previous world), else null. */
export function usePanelRoom(fresh: object | null): PanelRoom {
  const { stdout } = useStdout();
  const above = useRef<DOMElement>(null);
  const [rows, setRows] = useState(stdout.rows || 24);
  const [aboveRows, setAboveRows] = useState(UNMEASURED);
  const [seen, setSeen] = useState<object | null>(null);
  if (fresh !== null && fresh !== seen) {
    // Set during render: React renders again at once, before anything is drawn.
    setSeen(fresh);
    setAboveRows(UNMEASURED);
  }
  useEffect(() => {
    const onResize = () => setRows(stdout.rows || 24);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  // After every frame: the lesson box grows and shrinks with its text.
  useEffect(() => {
    const height = above.current ? measureElement(above.current).height : 0;
    if (height !== aboveRows) setAboveRows(height);
  });
  return { above, rows: rows - aboveRows - AROUND_PANEL - OUTPUT_ROWS };
}
