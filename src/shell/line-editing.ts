/**
 * Editing one line of text with a cursor. Pure helpers on (text, cursor); the cursor is a UTF-16
 * index that always sits between code points, so an emoji is never split in two.
 */

export interface Line {
  readonly text: string;
  readonly cursor: number;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export function previousBoundary(text: string, cursor: number): number {
  if (cursor <= 0) return 0;
  return cursor >= 2 && isLow(text.charCodeAt(cursor - 1)) && isHigh(text.charCodeAt(cursor - 2)) ? cursor - 2 : cursor - 1;
}

export function nextBoundary(text: string, cursor: number): number {
  if (cursor >= text.length) return text.length;
  return isHigh(text.charCodeAt(cursor)) && isLow(text.charCodeAt(cursor + 1)) ? cursor + 2 : cursor + 1;
}

/**
 * What typed or pasted text may put in a line: line breaks and tabs become spaces, other control
 * characters (C0, DEL, C1, which include the escape of stray terminal sequences) are dropped.
 */
export function printable(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

export function insert(line: Line, text: string): Line {
  const clean = printable(text);
  return { text: line.text.slice(0, line.cursor) + clean + line.text.slice(line.cursor), cursor: line.cursor + clean.length };
}

export function backspace(line: Line): Line {
  const at = previousBoundary(line.text, line.cursor);
  return { text: line.text.slice(0, at) + line.text.slice(line.cursor), cursor: at };
}

export function deleteForward(line: Line): Line {
  const to = nextBoundary(line.text, line.cursor);
  return { text: line.text.slice(0, line.cursor) + line.text.slice(to), cursor: line.cursor };
}

export function left(line: Line): Line {
  return { ...line, cursor: previousBoundary(line.text, line.cursor) };
}

export function right(line: Line): Line {
  return { ...line, cursor: nextBoundary(line.text, line.cursor) };
}

/** Ctrl-W: deletes the blanks before the cursor, then the word before them. */
export function deleteWord(line: Line): Line {
  const head = line.text.slice(0, line.cursor);
  const at = head.search(/\S*\s*$/);
  return { text: head.slice(0, at) + line.text.slice(line.cursor), cursor: at };
}

/** Ctrl-U: deletes from the start of the line to the cursor. */
export function killToStart(line: Line): Line {
  return { text: line.text.slice(line.cursor), cursor: 0 };
}

/** Ctrl-K: deletes from the cursor to the end of the line. */
export function killToEnd(line: Line): Line {
  return { text: line.text.slice(0, line.cursor), cursor: line.cursor };
}
