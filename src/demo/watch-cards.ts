/**
 * `tkesim watch` in large type: one card per crypto unit, its number in big digits, each fact on
 * its own line, the fields the last change touched highlighted. Pure: lines of styled segments.
 */
import type { Segment, SegmentRole } from '../shell/panel-layout.ts';
import type { PanelModel, PanelRow } from '../shell/panel-model.ts';
import { clip } from './text-wrap.ts';

/** Digits three rows high. */
const DIGITS: Readonly<Record<string, readonly [string, string, string]>> = {
  0: ['█▀█', '█ █', '▀▀▀'], 1: ['▀█ ', ' █ ', '▀▀▀'], 2: ['▀▀█', '█▀▀', '▀▀▀'], 3: ['▀▀█', ' ▀█', '▀▀▀'],
  4: ['█ █', '▀▀█', '  ▀'], 5: ['█▀▀', '▀▀█', '▀▀▀'], 6: ['█▀▀', '█▀█', '▀▀▀'], 7: ['▀▀█', '  █', '  ▀'],
  8: ['█▀█', '█▀█', '▀▀▀'], 9: ['█▀█', '▀▀█', '▀▀▀'], '*': ['*', ' ', ' '],
};

export function bigNumber(label: string): [string, string, string] {
  const glyphs = [...label].map((c) => DIGITS[c] ?? [c, ' ', ' ']);
  const row = (i: 0 | 1 | 2) => glyphs.map((g) => g[i]).join('');
  return [row(0), row(1), row(2)];
}

export type CardLine = readonly Segment[];

/** Rows a card takes inside its border. */
export const CARD_LINES = 6;
/** Narrowest card; cards share the width, at most four a row. */
export const CARD_MIN_WIDTH = 36;

const seg = (text: string, role: SegmentRole = 'plain', changed = false): Segment => ({ text, role, changed });
const TYPE: Readonly<Record<PanelRow['type'], string>> = { OPERATIONAL: 'OPERATIONAL', RECOVERY: 'RECOVERY', FAILOVER: 'FAILOVER' };
const register = (r: { state: string; vp: string }) => (r.state === 'Empty' ? 'Empty' : `${r.state} ${r.vp}`);

/** The card's lines (inside its border, `inner` columns wide). */
export function cardLines(row: PanelRow, inner: number): CardLine[] {
  const big = bigNumber(row.label);
  const gutter = Math.max(...big.map((b) => [...b].length)) + 2;
  const left = (i: number) => seg((i < 3 ? big[i as 0 | 1 | 2] : '').padEnd(gutter), 'heading');
  const room = Math.max(4, inner - gutter);
  const field = (label: string, text: string, changed: boolean): Segment[] => [seg(label.padEnd(5), 'muted'), seg(clip(text, room - 5), 'plain', changed)];
  return [
    [left(0), seg(clip(TYPE[row.type], room - 12), 'heading'), seg(row.selected ? '  ● selected' : '  ○', row.selected ? 'selected' : 'muted'), ...(row.differs ? [seg(' ≠', 'differs')] : [])],
    [left(1), seg(row.mode.toUpperCase(), 'plain', row.changed.mode), seg(` · thr ${row.signatureThreshold}/${row.revocationThreshold}`, 'plain', row.changed.thresholds)],
    [left(2), ...field('ADM', `${row.adminCount}/${row.maxAdmins}${row.adminNames.length ? ` ${row.adminNames.join(', ')}` : ''}`, row.changed.admins)],
    [left(3), ...field('NEW', register(row.newRegister), row.changed.newRegister)],
    [left(4), ...field('CUR', register(row.currentRegister), row.changed.currentRegister)],
    [left(5), ...field('KEYS', `${row.keyStorage.decryptable}/${row.keyStorage.total} readable`, row.changed.keyStorage)],
  ];
}

export interface CardGrid {
  readonly perRow: number;
  readonly cardWidth: number;
  /** Cards in rows of `perRow`. */
  readonly rows: readonly (readonly PanelRow[])[];
}

export function cardGrid(model: PanelModel, columns: number): CardGrid {
  const perRow = Math.max(1, Math.min(4, model.rows.length, Math.floor(columns / CARD_MIN_WIDTH)));
  const rows: PanelRow[][] = [];
  model.rows.forEach((r, i) => (i % perRow === 0 ? rows.push([r]) : rows[rows.length - 1]?.push(r)));
  return { perRow, cardWidth: Math.floor(columns / perRow), rows };
}
