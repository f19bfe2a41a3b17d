/**
 * What the register diagram writes, in either form (boxes or one-line chips): unit marks, key
 * counts, verification patterns, the instance heading and the arrows, each with its pen. Pure.
 */
import { Canvas, type Pen } from './diagram-canvas.ts';
import { DIFFERS_MARK, type SegmentRole } from './panel-layout.ts';
import type { DiagramInstance, DiagramUnit, KeyCount, VpGroup } from './register-diagram-model.ts';

export interface Word {
  readonly text: string;
  readonly pen: Pen;
}

/** An arrow or label the last command did not take. */
export const IDLE: Pen = { role: 'muted' };
/** The path of the last command is highlighted. */
export const path = (active: boolean): Pen => (active ? { role: 'plain', changed: true } : IDLE);
export const TITLE: Pen = { role: 'heading' };
export const TRANSFER = 'auto-init, recover';

/** The words the diagram draws that a trainee may ask about (`explain WORD`). */
export const DIAGRAM_TERMS: readonly string[] = [
  'NEW', 'CURRENT', 'Empty', 'Full Uncommitted', 'Full Committed', 'Valid', 'key storage', 'KEYS', 'VP', 'key parts',
  'load', 'commit', 'setimm', 'rotate', 're-encipher', 'clrnew', 'clrcur', 'zeroize', TRANSFER, 'SERVICE INSTANCE',
];

export const textWidth = (text: string): number => [...text].length;
export const lineWidth = (words: readonly Word[]): number => words.reduce((n, w, i) => n + textWidth(w.text) + (i > 0 ? 1 : 0), 0);

export const unitWords = (units: readonly DiagramUnit[]): Word[] =>
  units.map((u) => ({ text: u.label, pen: { role: u.selected ? 'selected' : 'plain', changed: u.moved } }));

/** Every unit of the instance: what the boxes are sized for, wherever the units sit. */
export const allUnitsWidth = (instance: DiagramInstance): number => lineWidth(instance.labels.map((text) => ({ text, pen: {} })));

/** `KEYS 20/20` when every unit has the same count, else `KEYS 1:0/20 2:20/20`. */
export function keyWords(keys: readonly KeyCount[]): Word[] {
  const [only] = keys;
  if (keys.length === 1 && only) return [{ text: 'KEYS', pen: {} }, { text: `${only.readable}/${only.total}`, pen: { changed: only.changed } }];
  return [{ text: 'KEYS', pen: {} }, ...keys.flatMap((k) => k.units.map((u) => ({ text: `${u}:${k.readable}/${k.total}`, pen: { changed: k.changed } })))];
}

/** `VP 5adb8aaa (1 2)`; values that differ between units are joined by ≠. */
export function vpWords(groups: readonly VpGroup[]): Word[] {
  if (groups.length === 0) return [{ text: 'VP', pen: IDLE }, { text: 'none', pen: IDLE }];
  const role: SegmentRole = groups.length > 1 ? 'differs' : 'plain';
  return [{ text: 'VP', pen: IDLE }, ...groups.flatMap((g, i) => [...(i > 0 ? [{ text: DIFFERS_MARK, pen: { role } }] : []), { text: `${g.vp} (${g.units.join(' ')})`, pen: { role } }])];
}

/** Lines of words from (x, y) down, one space between words. */
export function writeWords(canvas: Canvas, x: number, y: number, lines: readonly (readonly Word[])[]): void {
  lines.forEach((line, i) => {
    let at = x;
    for (const w of line) {
      canvas.text(at, y + i, w.text, w.pen);
      at += textWidth(w.text) + 1;
    }
  });
}

/** A rightward arrow filling x1..x2 with its label in the middle. */
export function arrow(canvas: Canvas, x1: number, x2: number, y: number, label: string, pen: Pen): void {
  const len = x2 - x1 + 1;
  const left = Math.max(0, Math.floor((len - 1 - label.length) / 2));
  canvas.text(x1, y, `${'─'.repeat(left)}${label}${'─'.repeat(Math.max(0, len - 1 - left - label.length))}▶`, pen);
}

/** SERVICE INSTANCE 5be718c1 configured the same (or how its units differ), as the table says it. */
export function heading(canvas: Canvas, y: number, instance: DiagramInstance): void {
  const title = `SERVICE INSTANCE ${instance.shortId}`;
  canvas.text(0, y, title, TITLE);
  const same = instance.differingAspects.length === 0;
  const note = same ? 'configured the same' : `${DIFFERS_MARK} configured differently: ${instance.differingAspects.join(', ')}`;
  const room = canvas.width - textWidth(title) - 1;
  const shown = textWidth(note) <= room ? note : `${[...note].slice(0, Math.max(0, room - 1)).join('')}…`;
  canvas.text(textWidth(title) + 1, y, shown, { role: same ? 'muted' : 'differs' });
}
