/**
 * A report as a small document model (headings, paragraphs, tables, lists of inline text), so that
 * one builder serves Markdown and HTML alike, and each renderer escapes in one place.
 */

export interface Inline {
  readonly text: string;
  readonly code?: boolean;
  readonly strong?: boolean;
}

export type Cell = readonly Inline[];

/** How a row reads: a mistake is marked in both renderings. */
export type RowMark = 'normal' | 'mistake';

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: Cell }
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly { readonly cells: readonly Cell[]; readonly mark?: RowMark }[] }
  | { readonly kind: 'list'; readonly items: readonly Cell[] };

export const plain = (text: string): Inline => ({ text });
export const code = (text: string): Inline => ({ text, code: true });
export const strong = (text: string): Inline => ({ text, strong: true });
export const cell = (...parts: readonly (Inline | string)[]): Cell => parts.map((p) => (typeof p === 'string' ? plain(p) : p));

/** Every heading one level deeper (a recording's report inside a class review), at most level 4. */
export function nested(blocks: readonly Block[], by: number): Block[] {
  const level = (n: number): 1 | 2 | 3 | 4 => (n <= 1 ? 1 : n === 2 ? 2 : n === 3 ? 3 : 4);
  return blocks.map((b) => (b.kind === 'heading' ? { ...b, level: level(b.level + by) } : b));
}
