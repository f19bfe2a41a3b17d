import test from 'ava';
import { addFailoverUnits, failoverCounts, failoverProblem } from '../../src/core/failover.ts';
import { seeded, world } from '../helpers/core.ts';

test('counts: at most one failover unit per operational unit, at least 2 and more than now', (t) => {
  const w = world('fo', { units: 3 });
  const id = w.instances[0]?.id ?? '';
  t.deepEqual(failoverCounts(w, id), { current: 0, max: 3, min: 2 });
  const two = addFailoverUnits(w, id, 2, seeded('fo')).world;
  t.deepEqual(failoverCounts(two, id), { current: 2, max: 3, min: 3 });
});

test('pre-checks: a failover region, every unit of one instance selected, room for more', (t) => {
  const w = world('fo');
  t.is(failoverProblem(w, w.units), null);
  t.regex(failoverProblem(w, w.units.slice(0, 2)) ?? '', /Select all the crypto units/);
  const frankfurt = world('fo', { region: 'eu-de' });
  t.regex(failoverProblem(frankfurt, frankfurt.units) ?? '', /only available in us-south, us-east, eu-es/);
  const full = addFailoverUnits(w, w.instances[0]?.id ?? '', 2, seeded('fo')).world;
  t.regex(failoverProblem(full, full.units) ?? '', /already has 2 failover crypto units/);
});

test('new failover units go after the instance\'s units, in imprint mode, in the backup region', (t) => {
  const w = world('fo', { instances: 2 });
  const [first, second] = w.instances;
  if (!first || !second) return t.fail();
  const { world: after, added } = addFailoverUnits(w, first.id, 2, seeded('fo-later'));
  t.is(added.length, 2);
  t.deepEqual(after.units.map((u) => u.type), ['OPERATIONAL', 'OPERATIONAL', 'RECOVERY', 'RECOVERY', 'FAILOVER', 'FAILOVER', 'OPERATIONAL', 'OPERATIONAL', 'RECOVERY', 'RECOVERY']);
  t.true(added.every((u) => u.instanceId === first.id && u.signatureThreshold === 0 && u.location.startsWith('[us-east].')));
  t.is(new Set(after.units.map((u) => u.id)).size, after.units.length, 'unit ids stay unique');
  t.true(after.units.slice(6).every((u) => u.instanceId === second.id));
});
