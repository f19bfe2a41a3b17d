// Ink colours through the process-wide chalk instance: set its level so highlights render here,
// whatever FORCE_COLOR the test command pins (as register-panel-colour.test.tsx does).
import test from 'ava';
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import type { World } from '../../src/core/types.ts';
import { buildPanelModel } from '../../src/shell/panel-model.ts';
import { RegisterDiagram } from '../../src/shell/register-diagram.tsx';
import { buildDiagramModel } from '../../src/shell/register-diagram-model.ts';
import { COLOUR_THEME, PLAIN_THEME, ThemeContext, type Theme } from '../../src/shell/theme.ts';
import { editUnits, masterKey, testWorld, withCurrent, withNew } from './fixtures.ts';
import { frameWhere, plain } from './frames.ts';
import { STATES, TRANSITIONS, securedWorld, type TransitionName } from './register-steps.ts';

chalk.level = 1;

const BG_YELLOW = '\u001b[43m';
const INVERSE = '\u001b[7m';
const COLOUR = /\u001b\[(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

async function frameOf(world: World, previous: World | null = null, theme: Theme = COLOUR_THEME, width = 80): Promise<string> {
  const summary = buildPanelModel(world, new Set(), previous).summary;
  const { lastFrame, unmount } = render(
    <ThemeContext.Provider value={theme}>
      <RegisterDiagram model={buildDiagramModel(world, new Set(), previous)} width={width} summary={summary} />
    </ThemeContext.Provider>,
  );
  const frame = await frameWhere(lastFrame, (f) => plain(f).includes('CURRENT'));
  unmount();
  return frame;
}

/** What is written inside the box titled `title` of the NEW or CURRENT register row. */
function boxContent(frame: string, row: 'NEW' | 'CURRENT', title: string): string {
  const lines = plain(frame).split('\n');
  const top = lines.findIndex((l) => l.startsWith(row));
  const topLine = lines[top] ?? '';
  const left = topLine.indexOf(`┌ ${title} `);
  const right = topLine.indexOf('┐', left);
  if (top < 0 || left < 0) throw new Error(`no box ${title} in row ${row}:\n${plain(frame)}`);
  const inside: string[] = [];
  for (let i = top + 1; !(lines[i] ?? '└').slice(left).startsWith('└'); i++) inside.push((lines[i] ?? '').slice(left + 1, right).trim());
  return inside.join(' ').trim();
}

/** The highlighted runs of a colour frame, without the unit marks (they are highlighted where they moved). */
function highlightedPath(frame: string): string[] {
  return frame.split(BG_YELLOW).slice(1).map((s) => plain(s.split('\u001b[49m')[0] ?? '').trim()).filter((s) => s !== '' && !/^\d+\*?$/.test(s));
}

test('the new register: units in Empty, Full Uncommitted, Full Committed', async (t) => {
  for (const [world, title] of [[STATES.secured, 'Empty'], [STATES.loaded, 'Full Uncommitted'], [STATES.committed, 'Full Committed']] as const) {
    const frame = await frameOf(world);
    t.is(boxContent(frame, 'NEW', title), '1 2', title);
    for (const other of ['Empty', 'Full Uncommitted', 'Full Committed'].filter((o) => o !== title)) t.is(boxContent(frame, 'NEW', other), '', `${title}: ${other} is empty`);
  }
});

test('the current register: units in Empty, then Valid; the VPs and KEYS under them', async (t) => {
  const empty = await frameOf(STATES.loaded);
  t.is(boxContent(empty, 'CURRENT', 'Empty'), '1 2');
  t.is(boxContent(empty, 'CURRENT', 'Valid'), '');
  t.regex(plain(empty), /^ +VP [0-9a-f]{8} \(1 2\)/m, 'the new VP under the new register');
  const valid = await frameOf(STATES.initialized);
  t.is(boxContent(valid, 'CURRENT', 'Valid'), '1 2');
  t.is(boxContent(valid, 'CURRENT', 'Empty'), '');
  t.regex(plain(valid), /KEYS 5\/5/);
  t.regex(plain(valid).split('\n').at(-1) ?? '', /^ +VP [0-9a-f]{8} \(1 2\)$/, 'the current VP under the current register');
});

test('units in different states sit in different boxes', async (t) => {
  const world = editUnits(securedWorld(), [1], (u) => withCurrent('Valid', masterKey('v'))(withNew('Full Committed', masterKey('n'))(u)));
  const frame = await frameOf(world);
  t.is(boxContent(frame, 'NEW', 'Empty'), '1');
  t.is(boxContent(frame, 'NEW', 'Full Committed'), '2');
  t.is(boxContent(frame, 'CURRENT', 'Empty'), '1');
  t.is(boxContent(frame, 'CURRENT', 'Valid'), '2');
  t.regex(plain(frame), /^SERVICE INSTANCE [0-9a-f]{8} ≠ configured differently: new register, current regis…$/m, 'cut to the width, and said so');
});

const PATHS: Readonly<Record<TransitionName, readonly string[]>> = {
  load: ['key', '─load─▶', 'parts'],
  commit: ['─commit─▶'],
  setimm: ['┬', 'setimm', '│', '│', '▼'],
  'setimm over stored keys': ['┬', 'setimm', '│', '│', '▼', '0/5'],
  rotate: ['┬', '┬', 'setimm', '│', '│', 'rotate', '│', '│', 're-encipher', '▼', '▼'],
  // Re-enciphered under the new value while the current register kept the old one: unreadable for now.
  'interrupted rotation': ['┬', '│', '│', 're-encipher', '▼', '0/5'],
  'clrnew (Full Uncommitted)': ['clrnew─▶'],
  'clrnew (Full Committed)': ['clrnew─▶'],
  clrcur: ['clrcur─▶', '0/5'],
  zeroize: ['zeroize▶', 'zeroize▶', '0/5'],
};

for (const [name, { before, after }] of Object.entries(TRANSITIONS)) {
  test(`${name}: its arrow is highlighted, and no other`, async (t) => {
    const frame = await frameOf(after, before);
    t.deepEqual(highlightedPath(frame), PATHS[name as TransitionName]);
    t.regex(plain(frame), /^» units 1, 2 /m, 'the change line under the diagram');
  });
}

test('with the plain (NO_COLOR) theme: no colour at all, the path in inverse video', async (t) => {
  const { before, after } = TRANSITIONS.commit;
  const frame = await frameOf(after, before, PLAIN_THEME);
  t.false(COLOUR.test(frame), JSON.stringify(frame));
  const inverse = frame.split(INVERSE).slice(1).map((s) => plain(s.split('\u001b[27m')[0] ?? '').trim());
  t.deepEqual(inverse, ['─commit─▶', '1', '2']);
});

test('a value from a recovery unit (auto-init, auto-mk-recover): the arrow into Valid is highlighted', async (t) => {
  const before = securedWorld(2);
  const after = editUnits(before, [0, 1, 2, 3], withCurrent('Valid', masterKey('random')));
  const frame = await frameOf(after, before);
  t.deepEqual(highlightedPath(frame).map((s) => s.replace(/^─+|─+▶$/g, '')), ['auto-init, recover']);
  t.regex(plain(frame), /│─+auto-init, recover─+▶│/, 'from the Empty box into the Valid box');
  t.is(boxContent(frame, 'CURRENT', 'Valid'), '1 2 3* 4*');
});

test('at 120 columns three units, two recovery and three failover units: every box holds its units on one line', async (t) => {
  const frame = plain(await frameOf(testWorld({ units: 3, recovery: 2, failover: 3 }), null, COLOUR_THEME, 120));
  t.true(frame.split('\n').every((l) => [...l].length <= 120));
  t.is(boxContent(frame, 'NEW', 'Empty'), '1 2 3 4* 5* 6 7 8');
  t.is(boxContent(frame, 'CURRENT', 'Empty'), '1 2 3 4* 5* 6 7 8');
});
