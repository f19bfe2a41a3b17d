import test from 'ava';
import { DIFFERS_MARK, panelLines, SELECTED_MARK, WIDE, type PanelLine } from '../../src/shell/panel-layout.ts';
import { buildPanelModel } from '../../src/shell/panel-model.ts';
import { editUnit, initializedWorld, masterKey, testWorld, withKeys, withNew } from './fixtures.ts';

const text = (line: PanelLine) => line.map((s) => s.text).join('');
const lengthOf = (s: string) => [...s].length;

function busyModel() {
  const before = initializedWorld();
  const after = editUnit(editUnit(before, 0, withKeys(1000)), 1, withNew('Full Uncommitted', masterKey('z')));
  return buildPanelModel(after, new Set([after.units[0]?.id ?? '']), before);
}

test('at 80 columns every line fits, with one row per unit', (t) => {
  const lines = panelLines(busyModel(), 80);
  for (const line of lines) t.true(lengthOf(text(line)) <= 80, text(line));
  t.is(lines.filter((l) => /^[●○]/.test(text(l))).length, 4);
  t.regex(text(lines[0] ?? []), /NUM TYPE MODE/);
});

test('admin names show only from the wide width on', (t) => {
  const model = busyModel();
  t.false(panelLines(model, 80).some((l) => text(l).includes('Alice')));
  const wide = panelLines(model, WIDE + 10);
  t.true(wide.some((l) => text(l).includes('Alice, Bob, Carol')));
  t.true(wide.some((l) => text(l).includes('OPERATIONAL')));
  for (const line of wide.slice(2)) t.true(lengthOf(text(line)) <= WIDE + 10);
});

test('too narrow for rows: two-line cards that keep every field', (t) => {
  const lines = panelLines(busyModel(), 50).map(text);
  t.false(lines.some((l) => l.includes('NUM')));
  t.true(lines.some((l) => /1 OPER secured adm 3\/8 thr 2\/2 keys 1000\/1000/.test(l)));
  t.true(lines.some((l) => /new Full Uncommitted [0-9a-f]{8} cur Valid [0-9a-f]{8}/.test(l)));
});

test('markers: selected, differs, recovery *', (t) => {
  const lines = panelLines(busyModel(), 80).map(text);
  const row1 = lines.find((l) => /^..\s1\s/.test(l)) ?? '';
  const row3 = lines.find((l) => /^..\s3\*/.test(l)) ?? '';
  t.true(row1.startsWith(SELECTED_MARK + DIFFERS_MARK), row1);
  t.true(row3.startsWith('○ '), row3);
});

test('changed fields, and only those, are marked for the highlight', (t) => {
  const lines = panelLines(busyModel(), 80);
  const changed = lines.flatMap((l) => l.filter((s) => s.changed).map((s) => s.text));
  t.deepEqual(changed, ['1000/1000', expectVp('Full Uncommitted', changed[1])]);
  t.deepEqual(panelLines(buildPanelModel(testWorld(), new Set(), null), 80).flatMap((l) => l.filter((s) => s.changed)), []);
});

function expectVp(state: string, actual: string | undefined): string {
  return actual && new RegExp(`^${state} [0-9a-f]{8}$`).test(actual) ? actual : `${state} <8 hex>`;
}

test('too short for a row per unit: one line per group of alike units, selection and changes kept', (t) => {
  const world = testWorld({ instances: 2, units: 2, recovery: 2 });
  const model = buildPanelModel(world, new Set([world.units[0]?.id ?? '']), null);
  const full = panelLines(model, 80);
  t.is(full.length, 11, 'a header, then an instance line and four rows per instance');
  t.deepEqual(panelLines(model, 80, 11), full, 'the table when it fits');
  const short = panelLines(model, 80, 6).map(text);
  t.is(short.length, 5);
  t.regex(short[0] ?? '', /short form/);
  t.regex(short[1] ?? '', /^SERVICE INSTANCE \w+ configured the same/);
  t.is(short[2], `${SELECTED_MARK}1 ○2 ○3* ○4* imprint adm 0/8 thr 0/0 new Empty cur Empty keys 0/0`);
  t.is(short[4], '○5 ○6 ○7* ○8* imprint adm 0/8 thr 0/0 new Empty cur Empty keys 0/0');
});

test('in the short form, units that differ get a line of their own, with the change highlighted', (t) => {
  const before = initializedWorld();
  const after = editUnit(before, 1, withKeys(5));
  const lines = panelLines(buildPanelModel(after, new Set(), before), 80, 3);
  const texts = lines.map(text);
  const own = lines.find((l) => /^○≠?2 /.test(text(l)));
  t.truthy(own, texts.join('\n'));
  t.true(own?.some((s) => s.changed && s.text === '5/5'), texts.join('\n'));
  t.true(texts.some((l) => /^○1 /.test(l) && !l.includes('○2')), texts.join('\n'));
});
