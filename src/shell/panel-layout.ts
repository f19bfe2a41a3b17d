/**
 * Lays the panel model out in a given width, as lines of styled segments: rows with columns sized
 * to their content when they fit, two-line cards when they do not, admin names only when wide.
 * Pure: the component only maps each segment's role to a theme style.
 */
import type { UnitType } from '../core/types.ts';
import type { PanelField, PanelInstance, PanelModel, PanelRow } from './panel-model.ts';

export type SegmentRole = 'plain' | 'heading' | 'differs' | 'selected' | 'muted';
export interface Segment {
  readonly text: string;
  readonly role: SegmentRole;
  /** Highlight: this field changed with the last command. */
  readonly changed: boolean;
}
export type PanelLine = readonly Segment[];

export const DIFFERS_MARK = '≠';
export const SELECTED_MARK = '●';
export const UNSELECTED_MARK = '○';
/** From this width on, the panel shows administrator names and long headers. */
export const WIDE = 110;

interface Column {
  readonly header: string;
  readonly field: PanelField | null;
  readonly role?: (row: PanelRow) => SegmentRole;
  readonly text: (row: PanelRow) => string;
}

const SHORT_TYPE: Readonly<Record<UnitType, string>> = { OPERATIONAL: 'OPER', RECOVERY: 'RECV', FAILOVER: 'FAIL' };
const register = (r: { state: string; vp: string }) => (r.state === 'Empty' ? 'Empty' : `${r.state} ${r.vp}`);
const seg = (text: string, role: SegmentRole = 'plain', changed = false): Segment => ({ text, role, changed });

/** The column headings the panel draws (narrow and wide): each has an `explain` entry. */
export function panelHeadings(): string[] {
  return [...new Set([false, true].flatMap((wide) => columns(wide).map((c) => c.header.trim()).filter((h) => h !== '')))];
}

function columns(wide: boolean): Column[] {
  const cols: Column[] = [
    { header: ' ', field: null, role: (r) => (r.selected ? 'selected' : 'muted'), text: (r) => (r.selected ? SELECTED_MARK : UNSELECTED_MARK) },
    { header: ' ', field: null, role: () => 'differs', text: (r) => (r.differs ? DIFFERS_MARK : ' ') },
    { header: 'NUM', field: null, text: (r) => r.label },
    { header: 'TYPE', field: null, text: (r) => (wide ? r.type : SHORT_TYPE[r.type]) },
    { header: 'MODE', field: 'mode', text: (r) => r.mode },
    { header: wide ? 'ADMINS' : 'ADM', field: 'admins', text: (r) => `${r.adminCount}/${r.maxAdmins}` },
    { header: wide ? 'SIG/REV' : 'THR', field: 'thresholds', text: (r) => `${r.signatureThreshold}/${r.revocationThreshold}` },
    { header: wide ? 'NEW REGISTER' : 'NEW', field: 'newRegister', text: (r) => register(r.newRegister) },
    { header: wide ? 'CURRENT REGISTER' : 'CURRENT', field: 'currentRegister', text: (r) => register(r.currentRegister) },
    { header: 'KEYS', field: 'keyStorage', text: (r) => `${r.keyStorage.decryptable}/${r.keyStorage.total}` },
  ];
  if (wide) cols.push({ header: 'ADMIN NAMES', field: 'admins', text: (r) => r.adminNames.join(', ') });
  return cols;
}

/** Gap before each column: the two markers sit together, then one space. */
const gapBefore = (index: number) => (index <= 1 ? 0 : 1);

function width(text: string): number {
  return [...text].length;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

function rowLines(rows: readonly PanelRow[], cols: readonly Column[], widths: readonly number[], lastMax: number): PanelLine[] {
  const line = (cell: (c: Column, i: number) => Segment): PanelLine =>
    cols.flatMap((c, i) => {
      const gap = gapBefore(i);
      const s = cell(c, i);
      const pad = i === cols.length - 1 ? '' : ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(s.text)));
      return [...(gap ? [seg(' '.repeat(gap))] : []), s, ...(pad ? [seg(pad)] : [])];
    });
  return rows.map((r) =>
    line((c, i) => {
      const text = i === cols.length - 1 ? truncate(c.text(r), lastMax) : c.text(r);
      return seg(text, c.role ? c.role(r) : 'plain', c.field !== null && r.changed[c.field]);
    }),
  );
}

function cardLines(row: PanelRow): PanelLine[] {
  const field = (label: string, f: PanelField, text: string): Segment[] => [seg(` ${label} `, 'muted'), seg(text, 'plain', row.changed[f])];
  return [
    [
      seg(row.selected ? SELECTED_MARK : UNSELECTED_MARK, row.selected ? 'selected' : 'muted'),
      seg(row.differs ? DIFFERS_MARK : ' ', 'differs'),
      seg(` ${row.label} ${SHORT_TYPE[row.type]} `),
      seg(row.mode, 'plain', row.changed.mode),
      ...field('adm', 'admins', `${row.adminCount}/${row.maxAdmins}`),
      ...field('thr', 'thresholds', `${row.signatureThreshold}/${row.revocationThreshold}`),
      ...field('keys', 'keyStorage', `${row.keyStorage.decryptable}/${row.keyStorage.total}`),
    ],
    [seg('   '), ...field('new', 'newRegister', register(row.newRegister)), ...field('cur', 'currentRegister', register(row.currentRegister))],
  ];
}

/** `SERVICE INSTANCE 1a2b3c4d configured the same` (or how its units differ). */
export function instanceLine(instance: PanelInstance): PanelLine {
  const same = instance.differingAspects.length === 0;
  return [
    seg(`SERVICE INSTANCE ${instance.shortId}`, 'heading'),
    seg(' '),
    same ? seg('configured the same', 'muted') : seg(`${DIFFERS_MARK} configured differently: ${instance.differingAspects.join(', ')}`, 'differs'),
  ];
}

/** Header and unit rows per instance, or null when the rows do not fit in `columnsWide`. */
function tableLines(model: PanelModel, wide: boolean, columnsWide: number): PanelLine[] | null {
  const cols = columns(wide);
  const widths = cols.map((c) => Math.max(width(c.header), ...model.rows.map((r) => width(c.text(r)))));
  const lastWidth = widths[widths.length - 1] ?? 0;
  const fixedWidth = widths.reduce((sum, w, i) => sum + w + gapBefore(i), 0) - lastWidth;
  // Admin names (the last column when wide) may be truncated; key counts (last when narrow) may not.
  const lastMax = columnsWide - fixedWidth;
  if (lastMax < (wide ? Math.min(lastWidth, 12) : lastWidth)) return null;
  const header = cols.map((c, i): Segment => {
    const pad = i === cols.length - 1 ? '' : ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(c.header)));
    return seg(' '.repeat(gapBefore(i)) + c.header + pad, 'heading');
  });
  const lines: PanelLine[] = [header];
  for (const instance of model.instances) {
    lines.push(instanceLine(instance));
    lines.push(...rowLines(model.rows.filter((r) => r.instanceId === instance.id), cols, widths, lastMax));
  }
  return lines;
}

/** What a short line shows of a unit: units alike in all of it share one line. */
const shortFacts = (r: PanelRow) => [r.mode, `${r.adminCount}/${r.maxAdmins}`, `${r.signatureThreshold}/${r.revocationThreshold}`, register(r.newRegister), register(r.currentRegister), `${r.keyStorage.decryptable}/${r.keyStorage.total}`];

/** One line for units alike: `○1 ●2 ○3* imprint adm 0/8 thr 0/0 new Empty cur Empty keys 0/0`. */
function sharedLine(rows: readonly PanelRow[]): PanelLine {
  const first = rows[0];
  if (!first) return [];
  const changed = (f: PanelField) => rows.some((r) => r.changed[f]);
  const field = (label: string, f: PanelField, text: string): Segment[] => [seg(` ${label} `, 'muted'), seg(text, 'plain', changed(f))];
  const [mode = '', admins = '', thresholds = '', newReg = '', currentReg = '', keys = ''] = shortFacts(first);
  return [
    ...rows.flatMap((r) => [seg(r.selected ? SELECTED_MARK : UNSELECTED_MARK, r.selected ? 'selected' : 'muted'), seg(r.differs ? DIFFERS_MARK : '', 'differs'), seg(`${r.label} `)]),
    seg(mode, 'plain', changed('mode')),
    ...field('adm', 'admins', admins),
    ...field('thr', 'thresholds', thresholds),
    ...field('new', 'newRegister', newReg),
    ...field('cur', 'currentRegister', currentReg),
    ...field('keys', 'keyStorage', keys),
  ];
}

/** The short form, for a terminal too short for a row per unit: per instance, one line per group of alike units. */
function shortLines(model: PanelModel): PanelLine[] {
  const lines: PanelLine[] = [[seg('(short form: a taller terminal shows a row per unit)', 'muted')]];
  for (const instance of model.instances) {
    lines.push(instanceLine(instance));
    const groups = new Map<string, PanelRow[]>();
    for (const r of model.rows.filter((row) => row.instanceId === instance.id)) {
      const key = JSON.stringify(shortFacts(r));
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const rows of groups.values()) lines.push(sharedLine(rows));
  }
  return lines;
}

/**
 * The panel as lines of segments for a terminal `columnsWide` wide (summary line excluded). With
 * `maxRows`, a layout taller than that becomes the short form when it is shorter: a frame taller
 * than the terminal makes Ink clear the screen and its scrollback with every frame.
 */
export function panelLines(model: PanelModel, columnsWide: number, maxRows = Number.POSITIVE_INFINITY): PanelLine[] {
  const table = (columnsWide >= WIDE ? tableLines(model, true, columnsWide) : null) ?? tableLines(model, false, columnsWide);
  const full = table ?? model.instances.flatMap((instance) => [
    instanceLine(instance),
    ...model.rows.filter((r) => r.instanceId === instance.id).flatMap(cardLines),
  ]);
  if (full.length <= maxRows) return full;
  const short = shortLines(model);
  return short.length < full.length ? short : full;
}
