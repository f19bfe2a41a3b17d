/**
 * Lays the register diagram out in a given width, per service instance (two units, 80 columns):
 *
 *   SERVICE INSTANCE 5be718c1 configured the same
 *   NEW     ┌ Empty ┐  key  ┌ Full Uncommitted ┐         ┌ Full Committed ┐
 *   clrnew─▶│       │─load─▶│ 1 2              │─commit─▶│                │
 *           └───────┘ parts └──────────────────┘         └─┬──────┬───────┘
 *           VP 0a1b2c3d (1 2)                        setimm │      │ rotate
 *                                                           │      │ re-encipher
 *   CURRENT ┌ Empty ┐                            ┌ Valid ───▼─┐─▶┌─▼ key storage ┐
 *   clrcur─▶│ 1 2   │                            │            │  │ KEYS 0/0      │
 *           └───────┘                            └────────────┘  └───────────────┘
 *           VP none
 *
 * Box sizes follow the units of the instance, not who sits where, so the figure stays put while
 * units move; when the units do not fit on one line of a box they wrap. Pure.
 */
import { DIFFERS_MARK, type PanelLine, type SegmentRole } from './panel-layout.ts';
import { Canvas, packWords, type Pen } from './diagram-canvas.ts';
import type { DiagramInstance, DiagramModel, DiagramUnit, KeyCount, VpGroup } from './register-diagram-model.ts';
import type { RegisterMove } from './register-moves.ts';

interface Word {
  readonly text: string;
  readonly pen: Pen;
}

const MARGIN = 8;
const LOAD = '─load─▶';
const COMMIT = '─commit─▶';
/** Minimum box widths (borders included): the state names, and room for the arrows' entries. */
const MIN = { empty: 9, uncommitted: 20, committed: 18, valid: 12, storage: 17 } as const;
const STORAGE_TITLE = ' key storage ';
const TRANSFER = 'auto-init, recover';

const lineWidth = (words: readonly Word[]) => words.reduce((n, w, i) => n + [...w.text].length + (i > 0 ? 1 : 0), 0);
const idle: Pen = { role: 'muted' };
const path = (active: boolean): Pen => (active ? { role: 'plain', changed: true } : idle);

const unitWords = (units: readonly DiagramUnit[]): Word[] =>
  units.map((u) => ({ text: u.label, pen: { role: u.selected ? 'selected' : 'plain', changed: u.moved } }));

function keyWords(keys: readonly KeyCount[]): Word[] {
  const [only] = keys;
  if (keys.length === 1 && only) return [{ text: 'KEYS', pen: {} }, { text: `${only.readable}/${only.total}`, pen: { changed: only.changed } }];
  return [{ text: 'KEYS', pen: {} }, ...keys.flatMap((k) => k.units.map((u) => ({ text: `${u}:${k.readable}/${k.total}`, pen: { changed: k.changed } })))];
}

function vpWords(groups: readonly VpGroup[]): Word[] {
  if (groups.length === 0) return [{ text: 'VP', pen: idle }, { text: 'none', pen: idle }];
  const role: SegmentRole = groups.length > 1 ? 'differs' : 'plain';
  return [{ text: 'VP', pen: idle }, ...groups.flatMap((g, i) => [...(i > 0 ? [{ text: DIFFERS_MARK, pen: { role } }] : []), { text: `${g.vp} (${g.units.join(' ')})`, pen: { role } }])];
}

/** Where everything goes for box content `inner` columns wide (the widest line of units), key counts `keys` wide. */
function geometry(inner: number, keys: number) {
  const w = (min: number) => Math.max(min, inner + 4);
  const empty = w(MIN.empty);
  const uncommitted = w(MIN.uncommitted);
  const committed = w(MIN.committed);
  const valid = w(MIN.valid);
  const storage = Math.max(MIN.storage, Math.min(inner, keys) + 4);
  const ux = MARGIN + empty + LOAD.length;
  const cx = ux + uncommitted + COMMIT.length;
  // Set immediate drops from the committed box into the Valid box; rotate drops into key storage.
  const setimm = cx + 2;
  const validRight = cx + 4;
  const sx = validRight + 3;
  const rotate = sx + 2;
  const right = Math.max(cx + committed, sx + storage, rotate + 2 + 're-encipher'.length);
  return { empty, uncommitted, committed, valid, storage, ux, cx, setimm, vx: validRight - valid + 1, sx, rotate, right };
}

/** The widest box content that fits `width`: all units on one line when there is room, else wrapped. */
function fitting(instance: DiagramInstance, width: number): number {
  const keys = lineWidth(keyWords(instance.keys));
  for (let inner = lineWidth(instance.labels.map((text) => ({ text, pen: {} }))); inner > 1; inner--) {
    if (geometry(inner, keys).right <= width) return inner;
  }
  return 1;
}

/** The narrowest terminal the diagram fits (two units); narrower terminals show the table. */
export const DIAGRAM_MIN_WIDTH = geometry(1, 0).right;

function words(canvas: Canvas, x: number, y: number, lines: readonly (readonly Word[])[]): void {
  lines.forEach((line, i) => {
    let at = x;
    for (const w of line) {
      canvas.text(at, y + i, w.text, w.pen);
      at += [...w.text].length + 1;
    }
  });
}

function centred(canvas: Canvas, x1: number, x2: number, y: number, label: string, arrow: string, pen: Pen): void {
  const len = x2 - x1 + 1;
  const left = Math.max(0, Math.floor((len - 1 - label.length) / 2));
  canvas.text(x1, y, `${'─'.repeat(left)}${label}${'─'.repeat(Math.max(0, len - 1 - left - label.length))}${arrow}`, pen);
}

function header(canvas: Canvas, instance: DiagramInstance): void {
  canvas.text(0, 0, `SERVICE INSTANCE ${instance.shortId}`, { role: 'heading' });
  const same = instance.differingAspects.length === 0;
  const note = same ? 'configured the same' : `${DIFFERS_MARK} configured differently: ${instance.differingAspects.join(', ')}`;
  canvas.text(18 + instance.shortId.length, 0, note, { role: same ? 'muted' : 'differs' });
}

function instanceLines(instance: DiagramInstance, width: number): PanelLine[] {
  const inner = fitting(instance, width);
  const g = geometry(inner, lineWidth(keyWords(instance.keys)));
  const moved = (...moves: RegisterMove[]) => moves.some((m) => instance.moves.includes(m));
  const canvas = new Canvas(width);
  const title: Pen = { role: 'heading' };
  header(canvas, instance);

  // The new register: Empty -> Full Uncommitted -> Full Committed.
  const n = instance.newRegister;
  const newContent = [packWords(unitWords(n.Empty), g.empty - 4), packWords(unitWords(n['Full Uncommitted']), g.uncommitted - 4), packWords(unitWords(n['Full Committed']), g.committed - 4)];
  const newHeight = 2 + Math.max(1, ...newContent.map((c) => c.length));
  const top = 1;
  const bottom = top + newHeight - 1;
  canvas.text(0, top, 'NEW', title);
  const zeroize = moved('zeroize');
  canvas.text(0, top + 1, zeroize ? 'zeroize▶' : 'clrnew─▶', path(zeroize || moved('clrnew')));
  canvas.box(MARGIN, top, g.empty, newHeight, 'Empty', {}, title);
  canvas.box(g.ux, top, g.uncommitted, newHeight, 'Full Uncommitted', {}, title);
  canvas.box(g.cx, top, g.committed, newHeight, 'Full Committed', {}, title);
  [MARGIN, g.ux, g.cx].forEach((x, i) => words(canvas, x + 2, top + 1, newContent[i] ?? []));
  const load = path(moved('load'));
  canvas.text(MARGIN + g.empty, top + 1, LOAD, load);
  canvas.text(MARGIN + g.empty + 2, top, 'key', load);
  canvas.text(MARGIN + g.empty + 1, top + 2, 'parts', load);
  canvas.text(g.ux + g.uncommitted, top + 1, COMMIT, path(moved('commit')));

  // Between the registers: set immediate, and rotate through key storage; the new VPs on the left.
  const setimm = path(moved('setimm', 'rotate'));
  const rotate = path(moved('rotate', 'reencipher'));
  const ctop = bottom + 3;
  canvas.text(g.setimm, bottom, '┬', setimm);
  canvas.text(g.rotate, bottom, '┬', rotate);
  canvas.vline(g.setimm, bottom + 1, bottom + 2, setimm);
  canvas.vline(g.rotate, bottom + 1, bottom + 2, rotate);
  canvas.text(g.setimm - 7, bottom + 1, 'setimm', setimm);
  canvas.text(g.rotate + 2, bottom + 1, 'rotate', path(moved('rotate')));
  canvas.text(g.rotate + 2, bottom + 2, 're-encipher', rotate);
  const vpLines = packWords(vpWords(instance.newVps), g.setimm - 9 - MARGIN);
  words(canvas, MARGIN, bottom + 1, vpLines.slice(0, 2));

  // The current register, which encrypts key storage.
  const c = instance.currentRegister;
  const curContent = [packWords(unitWords(c.Empty), g.empty - 4), packWords(unitWords(c.Valid), g.valid - 4), packWords(keyWords(instance.keys), g.storage - 4)];
  const curHeight = 2 + Math.max(1, ...curContent.map((l) => l.length));
  canvas.text(0, ctop, 'CURRENT', title);
  canvas.text(0, ctop + 1, zeroize ? 'zeroize▶' : 'clrcur─▶', path(zeroize || moved('clrcur')));
  canvas.box(MARGIN, ctop, g.empty, curHeight, 'Empty', {}, title);
  canvas.box(g.vx, ctop, g.valid, curHeight, 'Valid', {}, title);
  canvas.box(g.sx, ctop, g.storage, curHeight, '', {});
  canvas.text(g.sx + 3, ctop, STORAGE_TITLE, title);
  canvas.text(g.setimm, ctop, '▼', setimm);
  canvas.text(g.rotate, ctop, '▼', rotate);
  [MARGIN, g.vx, g.sx].forEach((x, i) => words(canvas, x + 2, ctop + 1, curContent[i] ?? []));
  canvas.text(g.vx + g.valid, ctop + 1, '─▶', idle);
  if (instance.hasRecovery || moved('transfer')) centred(canvas, MARGIN + g.empty, g.vx - 1, ctop + 1, TRANSFER, '▶', path(moved('transfer')));
  words(canvas, MARGIN, ctop + curHeight, packWords(vpWords(instance.currentVps), width - MARGIN));
  return canvas.lines();
}

/** The diagram as lines of segments for a terminal `width` wide (the change line excluded). */
export function diagramLines(model: DiagramModel, width: number): PanelLine[] {
  return model.instances.flatMap((instance) => instanceLines(instance, width));
}
