import test from 'ava';
import { render } from 'ink-testing-library';
import { SEEDED_MARK, StatusLine } from '../../src/shell/status-line.tsx';
import { buildStatusModel } from '../../src/shell/status-model.ts';
import { testWorld } from './fixtures.ts';
import { frameWhere, plain } from './frames.ts';

test('the model: region, instances of the selected units, unit numbers, signature keys, seeded', (t) => {
  const world = testWorld({ instances: 2, recovery: 0 });
  const ids = (...i: number[]) => new Set(i.map((n) => world.units[n]?.id ?? ''));
  const m = buildStatusModel(world, ids(3, 0), ['Alice', 'Bob']);
  t.is(m.region, 'us-south');
  t.deepEqual(m.units, [1, 4]);
  t.deepEqual(m.instances, world.instances.map((i) => i.id.slice(0, 8)));
  t.deepEqual(m.signatureKeys, ['Alice', 'Bob']);
  t.false(m.seeded);
  const one = buildStatusModel(world, ids(2), []);
  t.deepEqual(one.instances, [world.instances[1]?.id.slice(0, 8)]);
  t.true(buildStatusModel({ ...world, seed: 'demo' }, ids(), []).seeded);
});

test('the line shows the selection and a SEEDED marker only for a seeded world', async (t) => {
  const world = testWorld();
  const selected = new Set([world.units[0]?.id ?? '', world.units[1]?.id ?? '']);
  const model = buildStatusModel(world, selected, ['Alice']);
  const { lastFrame, rerender, unmount } = render(<StatusLine model={model} width={100} />);
  const frame = plain(await frameWhere(lastFrame, (f) => f.includes('region')));
  t.regex(frame, new RegExp(`region us-south │ instance ${world.instances[0]?.id.slice(0, 8)} │ units 1, 2 │ sigkeys Alice`));
  t.false(frame.includes(SEEDED_MARK));
  rerender(<StatusLine model={buildStatusModel({ ...world, seed: 's1' }, new Set(), [])} width={100} />);
  const seeded = plain(await frameWhere(lastFrame, (f) => f.includes(SEEDED_MARK)));
  t.regex(seeded, /^SEEDED region us-south │ instance none │ units none │ sigkeys none/);
  unmount();
});
