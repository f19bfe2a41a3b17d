import test from 'ava';
import { compactPanelLines, fixedPanelHeight, fixedPanelLines } from '../../src/shell/compact-panel-layout.ts';
import type { PanelLine } from '../../src/shell/panel-layout.ts';
import { buildPanelModel } from '../../src/shell/panel-model.ts';
import { editUnit, editUnits, initializedWorld, masterKey, testWorld, withKeys, withNew } from './fixtures.ts';

const text = (line: PanelLine) => line.map((s) => s.text).join('');
const lengthOf = (s: string) => [...s].length;

/** The worlds of a ceremony, from first use to a rotation half done: each panel state a demo shows. */
function states() {
  const fresh = testWorld();
  const secured = initializedWorld();
  const loaded = editUnits(secured, [0, 1], withNew('Full Uncommitted', masterKey('next')));
  const committed = editUnits(loaded, [0, 1], withNew('Full Committed', masterKey('next')));
  const stored = editUnit(committed, 0, withKeys(1000));
  return [fresh, secured, loaded, committed, stored];
}

test('the compact panel is one line per unit plus one per instance, and fits 80 and 60 columns', (t) => {
  for (const world of states()) {
    const model = buildPanelModel(world, new Set([world.units[0]?.id ?? '']), null);
    for (const width of [80, 60]) {
      const lines = compactPanelLines(model, width);
      t.is(lines.length, world.units.length + world.instances.length);
      t.is(lines.filter((l) => /^[●○]/.test(text(l))).length, world.units.length);
      for (const line of lines.slice(1)) t.true(lengthOf(text(line)) <= width, `${width}: ${text(line)}`);
    }
  }
});

test('the compact panel shows as much as the width allows: states and VPs at 80 columns, abbreviations below', (t) => {
  const world = states()[2];
  if (!world) return t.fail();
  const model = buildPanelModel(world, new Set(), null);
  const wide = compactPanelLines(model, 80).map(text).join('\n');
  t.regex(wide, /Full Uncommitted [0-9a-f]{4}/);
  const narrow = compactPanelLines(model, 60).map(text).join('\n');
  t.regex(narrow, /Uncommitted/);
});

test('a fixed panel has the same height whatever the states and the previous world (no shift from step to step)', (t) => {
  const worlds = states();
  for (const variant of ['compact', 'full'] as const) {
    for (const width of [80, 120]) {
      const heights = new Set<number>();
      worlds.forEach((world, i) => {
        const model = buildPanelModel(world, new Set(), worlds[i - 1] ?? null);
        const lines = fixedPanelLines(model, variant, width);
        heights.add(lines.length + 1);
        t.is(lines.length + 1, fixedPanelHeight(model, variant, width));
      });
      t.is(heights.size, 1, `${variant} at ${width} columns: ${[...heights].join(', ')}`);
    }
  }
});

test('a changed field is highlighted in the compact panel', (t) => {
  const [, secured, loaded] = states();
  if (!secured || !loaded) return t.fail();
  const model = buildPanelModel(loaded, new Set(), secured);
  const unit1 = compactPanelLines(model, 80)[1] ?? [];
  t.true(unit1.some((s) => s.changed && s.text.startsWith('Full Uncommitted')));
  t.false(unit1.some((s) => s.changed && s.text.startsWith('Valid')));
});
