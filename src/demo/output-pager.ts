/**
 * The demo's output area: what the step on show printed, in a fixed number of rows. When it does
 * not fit, the command line stays at the top and the outcome (the `OK` / `FAILED` block: the
 * message, the return code, and the short messages printed just before it) stays at the bottom;
 * the rest scrolls between them, with a line saying how much is hidden. Pure: tested without a screen.
 */
import type { OutputItem } from '../shell/output-log.tsx';
import type { Tone } from '../shell/theme.ts';
import { wrapText } from './text-wrap.ts';

export type PagerRole = 'command' | 'answer' | 'outcome' | 'text' | 'more' | 'typing';

export interface PagerLine {
  readonly text: string;
  readonly tone: Tone;
  readonly role: PagerRole;
}

export interface PagerInput {
  readonly items: readonly OutputItem[];
  /** The line being typed (`tkesim> cryptou`, `> 1 2`), shown last; null when nothing is typed. */
  readonly typing: string | null;
  readonly width: number;
  readonly height: number;
  /** Lines scrolled from where the page opens (negative: up). */
  readonly scroll: number;
}

export interface PagerView {
  readonly lines: readonly PagerLine[];
  /** The scroll range: `scroll` values outside it show the same page. */
  readonly minScroll: number;
  readonly maxScroll: number;
}

/** Short messages printed right before the outcome (`Master key rotation started.`) belong to it. */
const LEAD_MAX = 3;
const OUTCOME = /^(OK|FAILED)(\n|$)/;

function roleOf(item: OutputItem): PagerRole {
  if (item.text.startsWith('tkesim> ')) return 'command';
  if (item.tone === 'muted' && (item.text === '>' || item.text.startsWith('> '))) return 'answer';
  return 'text';
}

/** Index range [from, to) of the items that make the outcome, or null while there is none. */
function outcomeItems(items: readonly OutputItem[]): { readonly from: number; readonly at: number } | null {
  let at = -1;
  for (let i = items.length - 1; i >= 0; i--) if (OUTCOME.test(items[i]?.text ?? '')) { at = i; break; }
  if (at < 0) return null;
  let from = at;
  while (from > 0 && at - from < LEAD_MAX) {
    const before = items[from - 1];
    if (!before || roleOf(before) !== 'text' || before.text.trim() === '' || before.text.includes('\n')) break;
    from--;
  }
  return { from, at };
}

function rowsOf(items: readonly OutputItem[], width: number): { rows: PagerLine[]; outcome: [number, number] | null } {
  const range = outcomeItems(items);
  const rows: PagerLine[] = [];
  let outcome: [number, number] | null = null;
  items.forEach((item, i) => {
    const inOutcome = range !== null && i >= range.from && i <= range.at;
    const role = inOutcome ? 'outcome' : roleOf(item);
    const start = rows.length;
    const lines = item.text.split('\n');
    lines.forEach((line, j) => {
      // The outcome block ends at its first blank line: the tables after it are the rest.
      const blockEnded = inOutcome && i === range?.at && lines.slice(0, j + 1).some((l) => l.trim() === '');
      for (const text of wrapText(line, width)) rows.push({ text, tone: item.tone, role: blockEnded ? 'text' : role });
    });
    if (inOutcome) {
      const end = rows.findIndex((r, k) => k >= start && r.role !== 'outcome');
      outcome = [outcome?.[0] ?? start, end < 0 ? rows.length : end];
    }
  });
  return { rows, outcome };
}

const more = (text: string): PagerLine => ({ text, tone: 'muted', role: 'more' });

interface Window {
  readonly lines: PagerLine[];
  /** The rows of `list` shown: [first, end); `up`: a line for the hidden rows above comes first. */
  readonly first: number;
  readonly end: number;
  readonly up: boolean;
}

/** `height` rows of `list` from row `start`, with a line for what is hidden above and below. */
function windowOf(list: readonly PagerLine[], start: number, height: number): Window {
  if (list.length <= height) return { lines: [...list], first: 0, end: list.length, up: false };
  if (height < 3) {
    const first = Math.max(0, Math.min(start, list.length - height));
    return { lines: list.slice(first, first + height), first, end: first + height, up: false };
  }
  const first = Math.max(0, Math.min(start, list.length - (height - 1)));
  let end = first + height - (first > 0 ? 1 : 0);
  const below = end < list.length;
  if (below) end -= 1;
  return {
    lines: [
      ...(first > 0 ? [more(`↑ ${first} more line${first === 1 ? '' : 's'} (k scrolls up)`)] : []),
      ...list.slice(first, end),
      ...(below ? [more(`↓ ${list.length - end} more line${list.length - end === 1 ? '' : 's'} (j scrolls down)`)] : []),
    ],
    first, end, up: first > 0,
  };
}

/** The highest start row that still changes the page. */
const lastStart = (length: number, height: number) => (length <= height ? 0 : height < 3 ? length - height : length - (height - 1));

export function pageOutput(input: PagerInput): PagerView {
  const height = Math.max(1, input.height);
  const { rows, outcome } = rowsOf(input.items, Math.max(1, input.width));
  if (input.typing !== null) rows.push({ text: input.typing, tone: 'normal', role: 'typing' });
  if (rows.length <= height) return { lines: rows, minScroll: 0, maxScroll: 0 };
  const top = rows[0]?.role === 'command' && height >= 4 ? 1 : 0;
  const h = height - top;
  // The outcome is always on the page; the rest of the output scrolls around it.
  const [o0, o1] = outcome ? [outcome[0] - top, outcome[1] - top] : [0, 0];
  const rest = rows.slice(top);
  const pinned = rest.slice(o0, o1).slice(0, Math.max(0, h - 1));
  const others = [...rest.slice(0, o0), ...rest.slice(o1)];
  const room = h - pinned.length;
  const last = lastStart(others.length, room);
  // The page opens on the outcome and what follows it (the latest lines, while there is none).
  const opening = outcome ? Math.min(o0, last) : last;
  const w = windowOf(others, Math.max(0, Math.min(opening + input.scroll, last)), room);
  const lines = o0 < w.first ? [...pinned, ...w.lines]
    : o0 > w.end ? [...w.lines, ...pinned]
    : [...w.lines.slice(0, (w.up ? 1 : 0) + o0 - w.first), ...pinned, ...w.lines.slice((w.up ? 1 : 0) + o0 - w.first)];
  return { lines: [...rows.slice(0, top), ...lines], minScroll: -opening, maxScroll: last - opening };
}
