/**
 * The register diagram in five rows, for short terminals (a lesson's box above it at 80x24): each
 * state a one-line chip with its units, the same arrows as the boxed form (two units, 80 columns):
 *
 *   SERVICE INSTANCE 5be718c1 configured the same
 *   NEW     [Empty 1 2]─load▶[Full Uncommitted    ]─commit▶[Full Committed    ]
 *            ▲clrnew VP 5adb8aaa (1 2)                 setimm▼    ▼rotate: re-encipher
 *   CURRENT [Empty    ]────auto-init, recover─────[Valid    ]─▶[KEYS 0/0]
 *            ▲clrcur VP none
 * Pure.
 */
import { Canvas } from './diagram-canvas.ts';
import { IDLE, TITLE, TRANSFER, allUnitsWidth, arrow, heading, keyWords, lineWidth, path, textWidth, unitWords, vpWords, writeWords, type Word } from './diagram-words.ts';
import type { PanelLine } from './panel-layout.ts';
import type { DiagramInstance } from './register-diagram-model.ts';
import type { RegisterMove } from './register-moves.ts';

const MARGIN = 8;
const LOAD = '─load▶';
const COMMIT = '─commit▶';
const ROTATE_LONG = 'rotate: re-encipher';

const chipWidth = (title: string, units: number) => textWidth(title) + 2 + (units > 0 ? units + 1 : 0);

/** `[Title 1 2]`, its units area `units` wide whoever sits in it. */
function chip(canvas: Canvas, x: number, y: number, title: string, words: readonly Word[], units: number): void {
  canvas.text(x, y, '[');
  canvas.text(x + 1, y, title, TITLE);
  writeWords(canvas, x + 2 + textWidth(title), y, [words]);
  canvas.text(x + chipWidth(title, units) - 1, y, ']');
}

/** The diagram of one instance in chips, or null when the chips do not fit `width`. */
export function compactLines(instance: DiagramInstance, width: number): PanelLine[] | null {
  const units = allUnitsWidth(instance);
  const keys = keyWords(instance.keys);
  const ux = MARGIN + chipWidth('Empty', units) + LOAD.length;
  const cx = ux + chipWidth('Full Uncommitted', units) + COMMIT.length;
  // Set immediate drops into the Valid chip, rotate into key storage, both from Full Committed.
  const setimm = cx + 2;
  const vx = cx + 4 - chipWidth('Valid', units) + 1;
  const sx = cx + 7;
  const rotate = sx + 1;
  const right = Math.max(cx + chipWidth('Full Committed', units), sx + lineWidth(keys) + 2, rotate + 1 + 'rotate'.length);
  if (right > width || vx <= MARGIN + chipWidth('Empty', units)) return null;

  const moved = (...moves: RegisterMove[]) => moves.some((m) => instance.moves.includes(m));
  const zeroize = moved('zeroize');
  const canvas = new Canvas(width);
  const n = instance.newRegister;
  const c = instance.currentRegister;
  heading(canvas, 0, instance);

  canvas.text(0, 1, 'NEW', TITLE);
  chip(canvas, MARGIN, 1, 'Empty', unitWords(n.Empty), units);
  canvas.text(ux - LOAD.length, 1, LOAD, path(moved('load')));
  chip(canvas, ux, 1, 'Full Uncommitted', unitWords(n['Full Uncommitted']), units);
  canvas.text(cx - COMMIT.length, 1, COMMIT, path(moved('commit')));
  chip(canvas, cx, 1, 'Full Committed', unitWords(n['Full Committed']), units);

  canvas.text(MARGIN + 1, 2, zeroize ? '▲zeroize' : '▲clrnew', path(zeroize || moved('clrnew')));
  const vpRoom = setimm - 7 - (MARGIN + 10);
  writeWords(canvas, MARGIN + 10, 2, [fit(vpWords(instance.newVps), vpRoom)]);
  const setimmPen = path(moved('setimm', 'rotate'));
  canvas.text(setimm - 6, 2, 'setimm▼', setimmPen);
  const rotatePen = path(moved('rotate', 'reencipher'));
  canvas.text(rotate, 2, '▼', rotatePen);
  canvas.text(rotate + 1, 2, rotate + 1 + ROTATE_LONG.length <= width ? ROTATE_LONG : 'rotate', rotatePen);

  canvas.text(0, 3, 'CURRENT', TITLE);
  chip(canvas, MARGIN, 3, 'Empty', unitWords(c.Empty), units);
  if (instance.hasRecovery || moved('transfer')) arrow(canvas, MARGIN + chipWidth('Empty', units), vx - 1, 3, TRANSFER, path(moved('transfer')));
  chip(canvas, vx, 3, 'Valid', unitWords(c.Valid), units);
  canvas.text(cx + 5, 3, '─▶', IDLE);
  canvas.text(sx, 3, '[');
  writeWords(canvas, sx + 1, 3, [keys]);
  canvas.text(sx + 1 + lineWidth(keys), 3, ']');

  canvas.text(MARGIN + 1, 4, zeroize ? '▲zeroize' : '▲clrcur', path(zeroize || moved('clrcur')));
  writeWords(canvas, MARGIN + 10, 4, [fit(vpWords(instance.currentVps), width - MARGIN - 10)]);
  return canvas.lines();
}

/** The words that fit `room` columns, with `…` when some were left out. */
function fit(words: readonly Word[], room: number): Word[] {
  if (lineWidth(words) <= room) return [...words];
  const out: Word[] = [];
  for (const w of words) {
    if (lineWidth([...out, w, { text: '…', pen: IDLE }]) > room) break;
    out.push(w);
  }
  return [...out, { text: '…', pen: IDLE }];
}
