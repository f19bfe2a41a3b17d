/**
 * The table layout of the TKE CLI (the IBM Cloud CLI's printable table): left-aligned columns, each
 * cell followed by three spaces, every column but the last padded to its widest entry. The last
 * column is not padded, so each row ends with its last value and three spaces (as in the real
 * transcripts: `LOCATION   ` stays short even when the locations are 30 characters wide).
 *
 * A cell may hold several lines separated by '\n' (a verification pattern takes two): the row then
 * takes several lines, and the other cells of the continuation lines are blank, so the second line
 * starts under its own column.
 */

export const COLUMN_GAP = '   ';

/** Display width of a cell line, in code points. */
export function textWidth(s: string): number {
  return [...s].length;
}

function padRight(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - textWidth(s)));
}

/** One logical row as its physical lines, each with exactly `columns` cells. */
function physicalLines(row: readonly string[], columns: number): string[][] {
  const cells = Array.from({ length: columns }, (_, c) => (row[c] ?? '').split('\n'));
  const height = Math.max(1, ...cells.map((lines) => lines.length));
  return Array.from({ length: height }, (_, i) => cells.map((lines) => lines[i] ?? ''));
}

/** Header row, then the rows; lines joined with '\n', no trailing newline. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const columns = headers.length;
  const lines = [[...headers], ...rows.flatMap((row) => physicalLines(row, columns))];
  const widths = headers.map((_, c) => Math.max(...lines.map((line) => textWidth(line[c] ?? ''))));
  const last = columns - 1;
  return lines
    .map((line) => line.map((cell, c) => (c === last ? cell : padRight(cell, widths[c] ?? 0)) + COLUMN_GAP).join(''))
    .join('\n');
}
