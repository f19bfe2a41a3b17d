/** Word wrapping for fixed-size screens: every returned line fits in `width` columns. Pure. */

const length = (s: string) => [...s].length;

/** Wraps one line at spaces (a word longer than the width is cut); trailing spaces are dropped. */
export function wrapLine(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const line = text.trimEnd();
  if (length(line) <= w) return [line];
  const out: string[] = [];
  let rest = line;
  while (length(rest) > w) {
    const chars = [...rest];
    const head = chars.slice(0, w + 1).join('');
    const space = head.lastIndexOf(' ');
    // Break at the last space that leaves something on the line; else cut the word.
    const cut = space > 0 && head.slice(0, space).trim() !== '' ? space : w;
    out.push(chars.slice(0, cut).join('').trimEnd());
    rest = chars.slice(cut).join('').replace(/^ +/, '');
  }
  if (rest !== '' || out.length === 0) out.push(rest);
  return out;
}

/** Wraps text that may hold several lines. */
export function wrapText(text: string, width: number): string[] {
  return text.split('\n').flatMap((l) => wrapLine(l, width));
}

/** Cuts a line to `width` columns, ending with `…` when something was cut. */
export function clip(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}
