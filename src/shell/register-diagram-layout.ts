/**
 * Lays the register diagram out in a given width, per service instance (two units, 80 columns):
 *
 *   SERVICE INSTANCE 5be718c1 configured the same
 *   NEW     ┌ Empty ┐  key  ┌ Full Uncommitted ┐         ┌ Full Committed ┐
 *   clrnew─▶│       │─load─▶│ 1 2              │─commit─▶│                │
 *           └───────┘ parts └──────────────────┘         └─┬──────┬───────┘
 *           VP 0a1b2c3d (1 2)                        setimm │      │ rotate
 *                                                           │      │ re-encipher
 *   CURRENT ┌ Empty ┐                            ┌ Valid ─▼─┐  ┌─▼ key storage ┐
 *   clrcur─▶│ 1 2   │                            │          │─▶│ KEYS 0/0      │
 *           └───────┘                            └──────────┘  └───────────────┘
 *           VP none
 *
 * Box sizes follow the units of the instance, not who sits where, so the figure stays put while
 * units move; when the units do not fit on one line of a box they wrap. Where rows are short (a
 * lesson's box above it) the one-line form of register-diagram-compact.ts is used. Pure.
 */
import { Canvas, packWords } from './diagram-canvas.ts';
import { IDLE, TITLE, TRANSFER, allUnitsWidth, arrow, heading, keyWords, lineWidth, path, unitWords, vpWords, writeWords } from './diagram-words.ts';
import type { PanelLine } from './panel-layout.ts';
import { compactLines } from './register-diagram-compact.ts';
import type { DiagramInstance, DiagramModel } from './register-diagram-model.ts';
import type { RegisterMove } from './register-moves.ts';

const MARGIN = 8;
const LOAD = '─load─▶';
const COMMIT = '─commit─▶';
/** Minimum box widths (borders included): the state names, and room for the arrows' entries. */
const MIN = { empty: 9, uncommitted: 20, committed: 18, valid: 12, storage: 17 } as const;
const STORAGE_TITLE = ' key storage ';
const REENCIPHER = 're-encipher';

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
  const right = Math.max(cx + committed, sx + storage, rotate + 2 + REENCIPHER.length);
  return { empty, uncommitted, committed, valid, storage, ux, cx, setimm, vx: validRight - valid + 1, sx, rotate, right };
}

/** The narrowest terminal the boxed diagram fits; narrower terminals show the table. */
export const DIAGRAM_MIN_WIDTH = geometry(1, 0).right;

/** The widest box content that fits `width`: all units on one line when there is room, else wrapped. */
function fitting(instance: DiagramInstance, width: number): number {
  const keys = lineWidth(keyWords(instance.keys));
  for (let inner = allUnitsWidth(instance); inner > 1; inner--) {
    if (geometry(inner, keys).right <= width) return inner;
  }
  return 1;
}

function boxedLines(instance: DiagramInstance, width: number): PanelLine[] {
  const g = geometry(fitting(instance, width), lineWidth(keyWords(instance.keys)));
  const moved = (...moves: RegisterMove[]) => moves.some((m) => instance.moves.includes(m));
  const canvas = new Canvas(width);
  heading(canvas, 0, instance);

  // The new register: Empty -> Full Uncommitted -> Full Committed.
  const n = instance.newRegister;
  const newContent = [packWords(unitWords(n.Empty), g.empty - 4), packWords(unitWords(n['Full Uncommitted']), g.uncommitted - 4), packWords(unitWords(n['Full Committed']), g.committed - 4)];
  const newHeight = 2 + Math.max(1, ...newContent.map((c) => c.length));
  const top = 1;
  const bottom = top + newHeight - 1;
  const zeroize = moved('zeroize');
  canvas.text(0, top, 'NEW', TITLE);
  canvas.text(0, top + 1, zeroize ? 'zeroize▶' : 'clrnew─▶', path(zeroize || moved('clrnew')));
  canvas.box(MARGIN, top, g.empty, newHeight, 'Empty', {}, TITLE);
  canvas.box(g.ux, top, g.uncommitted, newHeight, 'Full Uncommitted', {}, TITLE);
  canvas.box(g.cx, top, g.committed, newHeight, 'Full Committed', {}, TITLE);
  [MARGIN, g.ux, g.cx].forEach((x, i) => writeWords(canvas, x + 2, top + 1, newContent[i] ?? []));
  const load = path(moved('load'));
  canvas.text(MARGIN + g.empty, top + 1, LOAD, load);
  canvas.text(MARGIN + g.empty + 2, top, 'key', load);
  canvas.text(MARGIN + g.empty + 1, top + 2, 'parts', load);
  canvas.text(g.ux + g.uncommitted, top + 1, COMMIT, path(moved('commit')));

  // Between the registers: set immediate, and rotate through key storage; the new VPs on the left.
  const setimm = path(moved('setimm', 'rotate'));
  const rotate = path(moved('rotate', 'reencipher'));
  canvas.text(g.setimm, bottom, '┬', setimm);
  canvas.text(g.rotate, bottom, '┬', rotate);
  canvas.vline(g.setimm, bottom + 1, bottom + 2, setimm);
  canvas.vline(g.rotate, bottom + 1, bottom + 2, rotate);
  canvas.text(g.setimm - 7, bottom + 1, 'setimm', setimm);
  canvas.text(g.rotate + 2, bottom + 1, 'rotate', path(moved('rotate')));
  canvas.text(g.rotate + 2, bottom + 2, REENCIPHER, rotate);
  writeWords(canvas, MARGIN, bottom + 1, packWords(vpWords(instance.newVps), g.setimm - 9 - MARGIN).slice(0, 2));

  // The current register, which encrypts key storage.
  const c = instance.currentRegister;
  const ctop = bottom + 3;
  const curContent = [packWords(unitWords(c.Empty), g.empty - 4), packWords(unitWords(c.Valid), g.valid - 4), packWords(keyWords(instance.keys), g.storage - 4)];
  const curHeight = 2 + Math.max(1, ...curContent.map((l) => l.length));
  canvas.text(0, ctop, 'CURRENT', TITLE);
  canvas.text(0, ctop + 1, zeroize ? 'zeroize▶' : 'clrcur─▶', path(zeroize || moved('clrcur')));
  canvas.box(MARGIN, ctop, g.empty, curHeight, 'Empty', {}, TITLE);
  canvas.box(g.vx, ctop, g.valid, curHeight, 'Valid', {}, TITLE);
  canvas.box(g.sx, ctop, g.storage, curHeight, '');
  canvas.text(g.sx + 3, ctop, STORAGE_TITLE, TITLE);
  canvas.text(g.setimm, ctop, '▼', setimm);
  canvas.text(g.rotate, ctop, '▼', rotate);
  [MARGIN, g.vx, g.sx].forEach((x, i) => writeWords(canvas, x + 2, ctop + 1, curContent[i] ?? []));
  canvas.text(g.vx + g.valid, ctop + 1, '─▶', IDLE);
  if (instance.hasRecovery || moved('transfer')) arrow(canvas, MARGIN + g.empty, g.vx - 1, ctop + 1, TRANSFER, path(moved('transfer')));
  writeWords(canvas, MARGIN, ctop + curHeight, packWords(vpWords(instance.currentVps), width - MARGIN));
  return canvas.lines();
}

/**
 * The diagram as lines of segments for a terminal `width` wide (the change line excluded): boxes,
 * or one-line chips when the boxes would take more than `maxRows` rows and the chips fit the width.
 */
export function diagramLines(model: DiagramModel, width: number, maxRows = Infinity): PanelLine[] {
  const boxed = model.instances.flatMap((instance) => boxedLines(instance, width));
  if (boxed.length <= maxRows) return boxed;
  const compact = model.instances.map((instance) => compactLines(instance, width));
  return compact.every((lines) => lines !== null) ? compact.flatMap((lines) => lines ?? []) : boxed;
}
