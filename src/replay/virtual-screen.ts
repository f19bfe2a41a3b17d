/**
 * A terminal of a recording's own size, in memory (@xterm/headless): a .cast recorded at 110x42 is
 * played into it exactly as recorded, and any rectangle of its screen is read back as lines with
 * their colours and attributes (SGR), to be drawn in a smaller terminal as a viewport.
 */
import xterm, { type IBufferCell } from '@xterm/headless';

type Cell = IBufferCell;

const ESC = '\u001b';

function colour(mode: 'fg' | 'bg', cell: Cell): string {
  const base = mode === 'fg' ? 30 : 40;
  if (mode === 'fg' ? cell.isFgDefault() : cell.isBgDefault()) return String(base + 9);
  const value = mode === 'fg' ? cell.getFgColor() : cell.getBgColor();
  if (mode === 'fg' ? cell.isFgRGB() : cell.isBgRGB()) return `${base + 8};2;${(value >> 16) & 255};${(value >> 8) & 255};${value & 255}`;
  if (value < 8) return String(base + value);
  if (value < 16) return String(base + 60 + value - 8);
  return `${base + 8};5;${value}`;
}

/** The SGR parameters that set a cell's look from a reset state. */
function style(cell: Cell): string {
  const p: string[] = ['0'];
  if (cell.isBold()) p.push('1');
  if (cell.isDim()) p.push('2');
  if (cell.isItalic()) p.push('3');
  if (cell.isUnderline()) p.push('4');
  if (cell.isInverse()) p.push('7');
  if (cell.isInvisible()) p.push('8');
  if (cell.isStrikethrough()) p.push('9');
  if (!cell.isFgDefault()) p.push(colour('fg', cell));
  if (!cell.isBgDefault()) p.push(colour('bg', cell));
  return p.join(';');
}

export class VirtualScreen {
  #term: xterm.Terminal;

  constructor(readonly cols: number, readonly rows: number) {
    this.#term = new xterm.Terminal({ cols, rows, scrollback: 0, allowProposedApi: true });
  }

  /** Resolves once the data is on the virtual screen. */
  write(data: string): Promise<void> {
    return new Promise((resolve) => this.#term.write(data, resolve));
  }

  /** Back to an empty screen (to play again from the start). */
  reset(): void {
    this.#term.dispose();
    this.#term = new xterm.Terminal({ cols: this.cols, rows: this.rows, scrollback: 0, allowProposedApi: true });
  }

  resize(cols: number, rows: number): void {
    this.#term.resize(cols, rows);
  }

  get cursor(): { readonly x: number; readonly y: number } {
    const b = this.#term.buffer.active;
    return { x: b.cursorX, y: b.cursorY };
  }

  get size(): { readonly cols: number; readonly rows: number } {
    return { cols: this.#term.cols, rows: this.#term.rows };
  }

  /** Rows `top`..`top+height-1`, columns `left`..`left+width-1` of the screen, each a line with its SGR. */
  lines(top: number, left: number, height: number, width: number): string[] {
    const buf = this.#term.buffer.active;
    const out: string[] = [];
    for (let y = top; y < top + height; y++) {
      const line = buf.getLine(buf.viewportY + y);
      let text = '';
      let current = '0';
      for (let x = left; x < left + width && line; x++) {
        const cell = line.getCell(x);
        if (!cell) break;
        // The second half of a wide character draws nothing; a wide one cut at the edge is a space.
        if (cell.getWidth() === 0) continue;
        const look = style(cell);
        if (look !== current) {
          text += `${ESC}[${look}m`;
          current = look;
        }
        const chars = cell.getChars() || ' ';
        text += cell.getWidth() === 2 && x === left + width - 1 ? ' ' : chars;
      }
      out.push(current === '0' ? text : `${text}${ESC}[0m`);
    }
    return out;
  }

  /** The screen's plain text (for tests and the non-terminal print). */
  text(): string {
    const buf = this.#term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < this.#term.rows; y++) out.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '');
    return out.join('\n');
  }

  dispose(): void {
    this.#term.dispose();
  }
}
