import test from 'ava';
import type { World } from '../../src/core/types.ts';
import { glossaryEntry } from '../../src/lessons/glossary.ts';
import { DIAGRAM_TERMS } from '../../src/shell/diagram-words.ts';
import type { PanelLine } from '../../src/shell/panel-layout.ts';
import { DIAGRAM_MIN_WIDTH, diagramLines } from '../../src/shell/register-diagram-layout.ts';
import { buildDiagramModel } from '../../src/shell/register-diagram-model.ts';
import { testWorld } from './fixtures.ts';
import { STATES, TRANSITIONS } from './register-steps.ts';

const none = new Set<string>();
const text = (line: PanelLine) => line.map((s) => s.text).join('');
const width = (line: PanelLine) => [...text(line)].length;
const lay = (world: World, columns: number, maxRows = Infinity, previous: World | null = null) => diagramLines(buildDiagramModel(world, none, previous), columns, maxRows);
const big = testWorld({ units: 3, recovery: 2, failover: 3 });
const ALL = ['1', '2', '3', '4*', '5*', '6', '7', '8'];

/** The unit labels written inside the boxes of one register row (between its top and bottom borders). */
function labelsInRow(lines: readonly string[], label: 'NEW' | 'CURRENT'): string[] {
  const top = lines.findIndex((l) => l.startsWith(label));
  const bottom = lines.findIndex((l, i) => i > top && l.includes('└'));
  return lines.slice(top + 1, bottom).flatMap((l) => [...l.matchAll(/│ ([^│]*?) *│/g)].flatMap((m) => (m[1] ?? '').split(' ').filter((w) => /^\d+\*?$/.test(w))));
}

test('two units at 80 columns: at most 10 rows, none wider than the terminal, both registers and key storage drawn', (t) => {
  for (const world of [STATES.secured, STATES.rotationCommitted]) {
    const lines = lay(world, 80);
    t.true(lines.length <= 10, `${lines.length} rows`);
    t.true(lines.every((l) => width(l) <= 80));
    const all = lines.map(text).join('\n');
    for (const part of ['┌ Empty ┐', '┌ Full Uncommitted ┐', '┌ Full Committed ┐', '┌ Valid', 'key storage ┐', '─load─▶', '─commit─▶', 'setimm', 'rotate', 're-encipher', 'clrnew─▶', 'clrcur─▶']) {
      t.true(all.includes(part), part);
    }
  }
});

test('the narrowest width is DIAGRAM_MIN_WIDTH: there every box is whole', (t) => {
  const lines = lay(STATES.rotationCommitted, DIAGRAM_MIN_WIDTH).map(text);
  t.true(lines.every((l) => [...l].length <= DIAGRAM_MIN_WIDTH));
  const storageTop = lines.find((l) => l.includes('key storage')) ?? '';
  t.true(storageTop.endsWith('┐'), storageTop);
  t.true(DIAGRAM_MIN_WIDTH <= 80);
});

test('three units, two recovery and three failover units: wrapped inside the boxes at 80 columns, one line each when wider', (t) => {
  const narrow = lay(big, 80).map(text);
  t.true(narrow.every((l) => [...l].length <= 80));
  t.deepEqual(labelsInRow(narrow, 'NEW'), ALL);
  t.deepEqual(labelsInRow(narrow, 'CURRENT'), ALL);
  t.true(narrow.some((l) => l.includes('auto-init, recover')), 'recovery units: values can come from them');
  const wide = lay(big, 130).map(text);
  t.true(wide.every((l) => [...l].length <= 130));
  t.true(wide.some((l) => l.includes(`│ ${ALL.join(' ')} │`)), 'every unit on one line of the Empty box');
  t.true(wide.length < narrow.length);
});

test('where rows are short the states become one-line chips, five rows per instance', (t) => {
  const boxed = lay(STATES.loaded, 80);
  const compact = lay(STATES.loaded, 80, 6).map(text);
  t.is(compact.length, 5);
  t.true(compact.every((l) => [...l].length <= 80));
  t.regex(compact[1] ?? '', /^NEW +\[Empty +\]─load▶\[Full Uncommitted 1 2\]─commit▶\[Full Committed +\]$/);
  t.regex(compact[3] ?? '', /^CURRENT \[Empty 1 2\] +\[Valid +\]─▶\[KEYS 0\/0\]$/);
  t.regex(compact[2] ?? '', /▲clrnew +VP [0-9a-f]{8} \(1 2\) +setimm▼ +▼rotate/);
  t.is(lay(STATES.loaded, 80, boxed.length).length, boxed.length, 'boxes while they fit the rows');
  t.true(lay(big, 80, 6).some((l) => text(l).includes('┌ Empty')), 'chips too wide for the terminal: boxes after all');
});

test('the arrow of the last command is the only highlighted path', (t) => {
  const highlighted = (lines: PanelLine[]) => lines.flatMap((l) => l.filter((s) => s.changed).map((s) => s.text.trim())).filter((s) => !/^\d+\*?$/.test(s));
  const { before, after } = TRANSITIONS.load;
  t.deepEqual(highlighted(lay(after, 80, Infinity, before)), ['key', '─load─▶', 'parts']);
  const rotate = TRANSITIONS.rotate;
  t.deepEqual(highlighted(lay(rotate.after, 80, Infinity, rotate.before)), ['┬', '┬', 'setimm', '│', '│', 'rotate', '│', '│', 're-encipher', '▼', '▼']);
  t.deepEqual(highlighted(lay(STATES.loaded, 80)), [], 'no previous world: nothing highlighted');
});

test('every word the diagram draws is on screen somewhere, and explain knows it', (t) => {
  const { before, after } = TRANSITIONS.zeroize;
  const screens = [lay(big, 120), lay(after, 80, Infinity, before), lay(STATES.loaded, 80)].map((lines) => lines.map(text).join('\n')).join('\n');
  for (const term of DIAGRAM_TERMS) {
    t.true(screens.includes(term.replace('key parts', 'key')), `${term} is drawn`);
    t.not(glossaryEntry(term), null, `explain ${term}`);
  }
});
