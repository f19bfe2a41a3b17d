/**
 * The register panel in a fixed height, for screens where rows are scarce (a projector at 80x24):
 * `compact` is one line per crypto unit (abbreviating until it fits), `full` is the usual table
 * with room reserved for its card layout, so the panel never changes height from one command to
 * the next. Pure: lines of styled segments, as `panelLines` makes them.
 */
import { DIFFERS_MARK, instanceLine, panelLines, SELECTED_MARK, UNSELECTED_MARK, type PanelLine, type Segment, type SegmentRole } from './panel-layout.ts';
import type { PanelField, PanelModel, PanelRow } from './panel-model.ts';

export type PanelVariant = 'compact' | 'full';

const seg = (text: string, role: SegmentRole = 'plain', changed = false): Segment => ({ text, role, changed });
const width = (s: string) => [...s].length;

interface Detail {
  /** Register VP digits shown (0: none). */
  readonly vp: number;
  readonly shortStates: boolean;
  readonly labels: boolean;
}

/** From the most to the least detailed (register state names, the words a demo's narration uses, go last): the first that fits is used. */
const DETAILS: readonly Detail[] = [
  { vp: 8, shortStates: false, labels: true },
  { vp: 4, shortStates: false, labels: true },
  { vp: 4, shortStates: false, labels: false },
  { vp: 0, shortStates: false, labels: false },
  { vp: 4, shortStates: true, labels: false },
  { vp: 0, shortStates: true, labels: false },
];

const SHORT_STATE: Readonly<Record<string, string>> = { 'Full Uncommitted': 'Uncommitted', 'Full Committed': 'Committed' };
const TYPE: Readonly<Record<PanelRow['type'], string>> = { OPERATIONAL: 'OPER', RECOVERY: 'RECV', FAILOVER: 'FAIL' };

interface Cell {
  readonly label: string;
  readonly text: string;
  readonly field: PanelField | null;
}

function cells(row: PanelRow, d: Detail): Cell[] {
  const reg = (r: { state: string; vp: string }) => {
    const state = d.shortStates ? (SHORT_STATE[r.state] ?? r.state) : r.state;
    return r.state === 'Empty' || d.vp === 0 ? state : `${state} ${r.vp.slice(0, d.vp)}`;
  };
  return [
    { label: '', text: row.label, field: null },
    { label: '', text: TYPE[row.type], field: null },
    { label: '', text: row.mode, field: 'mode' },
    { label: 'adm', text: `${row.adminCount}/${row.maxAdmins}`, field: 'admins' },
    { label: 'thr', text: `${row.signatureThreshold}/${row.revocationThreshold}`, field: 'thresholds' },
    { label: 'new', text: reg(row.newRegister), field: 'newRegister' },
    { label: 'cur', text: reg(row.currentRegister), field: 'currentRegister' },
    { label: 'keys', text: `${row.keyStorage.decryptable}/${row.keyStorage.total}`, field: 'keyStorage' },
  ];
}

function unitLines(rows: readonly PanelRow[], d: Detail): PanelLine[] {
  const table = rows.map((r) => cells(r, d));
  const widths = (table[0] ?? []).map((_, i) => Math.max(...table.map((c) => width(c[i]?.text ?? ''))));
  return rows.map((row, r) => {
    const line: Segment[] = [
      seg(row.selected ? SELECTED_MARK : UNSELECTED_MARK, row.selected ? 'selected' : 'muted'),
      seg(row.differs ? DIFFERS_MARK : ' ', 'differs'),
    ];
    (table[r] ?? []).forEach((c, i) => {
      const last = i === widths.length - 1;
      const pad = last ? '' : ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(c.text)));
      if (d.labels || c.label === 'new' || c.label === 'cur') line.push(seg(c.label ? ` ${c.label} ` : ' ', 'muted'));
      else line.push(seg(' '));
      line.push(seg(c.text, 'plain', c.field !== null && row.changed[c.field]));
      if (pad) line.push(seg(pad));
    });
    return line;
  });
}

const lineWidth = (line: PanelLine) => line.reduce((n, s) => n + width(s.text), 0);

/** One line per instance and one per unit, as detailed as `columnsWide` allows. */
export function compactPanelLines(model: PanelModel, columnsWide: number): PanelLine[] {
  let chosen: PanelLine[] = [];
  for (const d of DETAILS) {
    chosen = unitLines(model.rows, d);
    if (chosen.every((l) => lineWidth(l) <= columnsWide)) break;
  }
  const byUnit = new Map(model.rows.map((r, i) => [r.unitId, chosen[i] ?? []]));
  return model.instances.flatMap((instance) => [
    instanceLine(instance),
    ...model.rows.filter((r) => r.instanceId === instance.id).map((r) => byUnit.get(r.unitId) ?? []),
  ]);
}

/** The rows a panel variant takes for this model at this width, whatever the states (summary line included). */
export function fixedPanelHeight(model: PanelModel, variant: PanelVariant, columnsWide: number): number {
  const units = model.rows.length;
  const instances = model.instances.length;
  if (variant === 'compact') return instances + units + 1;
  const table = 1 + instances + units;
  // Below 100 columns a wide register value may turn the table into two-line cards.
  return (columnsWide >= 100 ? table : Math.max(table, instances + 2 * units)) + 1;
}

/** The variant's lines, padded with empty lines to `fixedPanelHeight` less the summary line. */
export function fixedPanelLines(model: PanelModel, variant: PanelVariant, columnsWide: number): PanelLine[] {
  const lines = variant === 'compact' ? compactPanelLines(model, columnsWide) : panelLines(model, columnsWide);
  const height = fixedPanelHeight(model, variant, columnsWide) - 1;
  return [...lines, ...Array.from({ length: Math.max(0, height - lines.length) }, (): PanelLine => [])].slice(0, Math.max(height, 0));
}
