/**
 * Text reflowed to the terminal's width at word boundaries (wrap-ansi): no continuation row begins
 * with a stray space, a word is split only when it is longer than a whole row, and a line keeps its
 * indentation on every row it wraps to (a hanging indent under "Do:" / "Why:" labels as well).
 * Ink's own wrapping keeps the space at the break and splits words at the edge.
 */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

const LABEL = /^(\s*(?:[A-Z][a-z]+:|[-*•›»]|\d+\.)\s+)/;

function reflowLine(line: string, width: number): string {
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  // Under a short label ("Do: ", "Why: ", "- "), continuation rows line up with the text after it.
  const label = LABEL.exec(line)?.[1] ?? indent;
  const hang = label.length < width / 2 ? ' '.repeat(label.length) : indent;
  const room = Math.max(8, width - hang.length);
  const first = wrapAnsi(line.slice(label.length), Math.max(8, width - label.length), { hard: true, trim: true }).split('\n');
  const [head = '', ...rest] = first;
  const tail = rest.length ? wrapAnsi(rest.join(' '), room, { hard: true, trim: true }).split('\n') : [];
  return [`${label}${head}`, ...tail.map((row) => `${hang}${row}`)].join('\n');
}

export function reflow(text: string, width: number): string {
  if (width < 10) return text;
  return text.split('\n').map((line) => (stringWidth(line) <= width ? line : reflowLine(line, width))).join('\n');
}
