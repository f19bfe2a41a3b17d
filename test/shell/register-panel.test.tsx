import test from 'ava';
import { render } from 'ink-testing-library';
import { DIFFERS_MARK } from '../../src/shell/panel-layout.ts';
import { buildPanelModel } from '../../src/shell/panel-model.ts';
import { RegisterPanel } from '../../src/shell/register-panel.tsx';
import { editUnit, editUnits, initializedWorld, masterKey, testWorld, withCurrent, withNew, withThresholds } from './fixtures.ts';
import { frameAfter, frameWhere, plain } from './frames.ts';

const none = new Set<string>();

const rowOf = (frame: string, label: string) => plain(frame).split('\n').find((l) => new RegExp(`^..\\s${label.replace('*', '\\*')}\\s`).test(l)) ?? '';

test('a row for every register state', async (t) => {
  let world = testWorld();
  world = editUnit(world, 1, withNew('Full Uncommitted', masterKey('u')));
  world = editUnit(world, 2, withNew('Full Committed', masterKey('c')));
  world = editUnit(world, 3, withCurrent('Valid', masterKey('v')));
  const { lastFrame, unmount } = render(<RegisterPanel model={buildPanelModel(world, none, null)} width={80} />);
  const frame = await frameWhere(lastFrame, (f) => f.includes('4*'));
  t.regex(rowOf(frame, '1'), /imprint 0\/8 0\/0 Empty\s+Empty\s+0\/0/);
  t.regex(rowOf(frame, '2'), /Full Uncommitted [0-9a-f]{8}\s+Empty/);
  t.regex(rowOf(frame, '3*'), /Full Committed [0-9a-f]{8}\s+Empty/);
  t.regex(rowOf(frame, '4*'), /Empty\s+Valid [0-9a-f]{8}/);
  unmount();
});

test('IMPRINT and secured units, selected ones marked', async (t) => {
  const world = initializedWorld();
  const model = buildPanelModel(world, new Set([world.units[0]?.id ?? '']), null);
  const { lastFrame, unmount } = render(<RegisterPanel model={model} width={80} />);
  const frame = await frameWhere(lastFrame, (f) => f.includes('4*'));
  t.regex(rowOf(frame, '1'), /^● +1 +OPER secured 3\/8 2\/2/);
  t.regex(rowOf(frame, '2'), /^○ +2 +OPER secured 3\/8 2\/2/);
  t.regex(rowOf(frame, '3*'), /RECV imprint 0\/8 0\/0/);
  unmount();
});

test('a unit that differs is flagged with ≠, and the instance says how', async (t) => {
  const world = editUnit(testWorld({ units: 3 }), 2, withThresholds(1, 1));
  const { lastFrame, unmount } = render(<RegisterPanel model={buildPanelModel(world, none, null)} width={80} />);
  const frame = await frameWhere(lastFrame, (f) => f.includes('5*'));
  t.true(rowOf(frame, '3').startsWith(`○${DIFFERS_MARK}`));
  t.false(rowOf(frame, '1').includes(DIFFERS_MARK));
  t.regex(plain(frame), /configured differently: thresholds/);
  unmount();
});

test('after a command: one line says what changed; the next command replaces it', async (t) => {
  const start = testWorld();
  const secured = editUnits(start, [0, 1], withThresholds(2, 2));
  const { lastFrame, rerender, unmount } = render(<RegisterPanel model={buildPanelModel(start, none, null)} width={80} />);
  const first = await frameWhere(lastFrame, (f) => f.includes('4*'));
  t.false(first.includes('»'));
  rerender(<RegisterPanel model={buildPanelModel(secured, none, start)} width={80} />);
  const second = await frameAfter(lastFrame, first);
  t.regex(plain(second), /» units 1, 2 thresholds 0\/0 -> 2\/2 \(left imprint mode\)/);
  rerender(<RegisterPanel model={buildPanelModel(structuredClone(secured), none, secured)} width={80} />);
  const third = await frameAfter(lastFrame, second);
  t.regex(plain(third), /» no change to any crypto unit/);
  // The next command has started: the same world as before, and the change line is gone.
  rerender(<RegisterPanel model={buildPanelModel(secured, none, secured)} width={80} />);
  const fourth = await frameAfter(lastFrame, third);
  t.false(fourth.includes('»'));
  unmount();
});

test('wide terminals show the admin names, narrow ones do not', async (t) => {
  const model = buildPanelModel(initializedWorld(), none, null);
  const narrow = render(<RegisterPanel model={model} width={80} />);
  t.false((await frameWhere(narrow.lastFrame, (f) => f.includes('4*'))).includes('Alice'));
  narrow.unmount();
  const wide = render(<RegisterPanel model={model} width={120} />);
  t.regex(rowOf(await frameWhere(wide.lastFrame, (f) => f.includes('4*')), '1'), /OPERATIONAL secured .* Alice, Bob, Carol$/);
  wide.unmount();
});
