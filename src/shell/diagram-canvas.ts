/**
 * A character grid for the register diagram: boxes, lines and labels are drawn at positions, then
 * read back as lines of styled segments (the panel's segment type). Writes outside the width are
 * dropped, so nothing drawn can wrap. Pure apart from its own cells.
 */
import type { PanelLine, Segment, SegmentRole } from './panel-layout.ts';

/** How a drawn cell looks: its role, and whether it is highlighted (the path of the last command). */
export interface Pen {
  readonly role?: SegmentRole;
  readonly changed?: boolean;
}

interface Cell {
  readonly ch: string;
  readonly role: SegmentRole;
  readonly changed: boolean;
}

const BLANK: Cell = { ch: ' ', role: 'plain', changed: false };

export class Canvas {
  readonly #rows: Cell[][] = [];

  constructor(readonly width: number) {}

  get height(): number {
    return this.#rows.length;
  }

  #row(y: number): Cell[] {
    while (this.#rows.length <= y) this.#rows.push([]);
    return this.#rows[y] ?? [];
  }

  /** Text from (x, y) rightwards; one cell per code point. */
  text(x: number, y: number, text: string, pen: Pen = {}): void {
    const row = this.#row(y);
    [...text].forEach((ch, i) => {
      const at = x + i;
      if (at < 0 || at >= this.width) return;
      while (row.length < at) row.push(BLANK);
      row[at] = { ch, role: pen.role ?? 'plain', changed: pen.changed ?? false };
    });
  }

  /** A vertical line from y1 to y2 inclusive. */
  vline(x: number, y1: number, y2: number, pen: Pen = {}): void {
    for (let y = y1; y <= y2; y++) this.text(x, y, '│', pen);
  }

  /** A box `w` wide and `h` high (borders included) with its title in the top border. */
  box(x: number, y: number, w: number, h: number, title: string, pen: Pen = {}, titlePen: Pen = pen): void {
    const inner = w - 2;
    const label = title === '' ? '' : ` ${title} `;
    this.text(x, y, '┌', pen);
    this.text(x + 1, y, label, titlePen);
    this.text(x + 1 + [...label].length, y, '─'.repeat(Math.max(0, inner - [...label].length)), pen);
    this.text(x + w - 1, y, '┐', pen);
    for (let r = y + 1; r < y + h - 1; r++) {
      this.text(x, r, '│', pen);
      this.text(x + w - 1, r, '│', pen);
    }
    this.text(x, y + h - 1, `└${'─'.repeat(Math.max(0, inner))}┘`, pen);
  }

  /** The grid as lines of segments, runs of one style merged, trailing blanks dropped. */
  lines(): PanelLine[] {
    return this.#rows.map((row) => {
      let end = row.length;
      while (end > 0 && row[end - 1]?.ch === ' ' && !row[end - 1]?.changed) end--;
      const segments: Segment[] = [];
      for (const cell of row.slice(0, end)) {
        const last = segments[segments.length - 1];
        if (last && last.role === cell.role && last.changed === cell.changed) segments[segments.length - 1] = { ...last, text: last.text + cell.ch };
        else segments.push({ text: cell.ch, role: cell.role, changed: cell.changed });
      }
      return segments;
    });
  }
}

/** Words packed into lines of at most `width` columns, one space apart (a word never split). */
export function packWords<T extends { readonly text: string }>(words: readonly T[], width: number): T[][] {
  const lines: T[][] = [];
  let line: T[] = [];
  let used = 0;
  for (const w of words) {
    const len = [...w.text].length;
    if (line.length > 0 && used + 1 + len > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length > 0 ? 1 : 0) + len;
    line.push(w);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
