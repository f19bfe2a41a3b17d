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

export function pageOutput(input: PagerInput): PagerView {
  const height = Math.max(1, input.height);
  const { rows, outcome } = rowsOf(input.items, Math.max(1, input.width));
  if (input.typing !== null) rows.push({ text: input.typing, tone: 'normal', role: 'typing' });
  if (rows.length <= height) return { lines: rows, minScroll: 0, maxScroll: 0 };
  const top = rows[0]?.role === 'command' && height >= 3 ? 1 : 0;
  const pinned = outcome ? rows.slice(outcome[0], outcome[1]) : [];
  const bottom = Math.min(pinned.length, Math.max(0, height - top - 1));
  const rest = rows.filter((_, i) => i >= top && !(outcome && i >= outcome[0] && i < outcome[1]));
  const window = height - top - bottom;
  // The page opens on the lines just before the outcome (or the latest lines, while it runs).
  const before = outcome ? outcome[0] - top : rest.length;
  const opening = Math.max(0, Math.min(before - window, rest.length - window));
  const last = Math.max(0, rest.length - window);
  const start = Math.max(0, Math.min(opening + input.scroll, last));
  const shown = rest.slice(start, start + window);
  const above = start;
  const below = rest.length - start - shown.length;
  if (above > 0 && shown.length > 0) shown[0] = more(`↑ ${above + 1} more lines (k scrolls up)`);
  if (below > 0 && shown.length > (above > 0 ? 1 : 0)) shown[shown.length - 1] = more(`↓ ${below + 1} more lines (j scrolls down)`);
  return {
    lines: [...rows.slice(0, top), ...shown, ...pinned.slice(0, bottom)],
    minScroll: -opening,
    maxScroll: last - opening,
  };
}
