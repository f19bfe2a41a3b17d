/**
 * Concurrency: four lanes, each running 200 one-shot commands one after another (a fresh tkesim
 * process per command), all against one TKESIM_HOME. Three lanes' commands contend on the store's
 * lock (sim keys create) and on the units' transaction counters (cryptounit-mk-clrnew, signed with
 * threshold 1, which a concurrent change to the same unit refuses with return code 163). Afterwards:
 * no lost update (every OK is in the world, nothing else is), no corruption (the document reads and
 * every key decrypts), and every refusal is a clear FAILED sentence with exit 1, never a crash.
 */
import test from 'ava';
import { WorldStore, type StoreDocument } from '../../src/store/store.ts';
import { ceremony, ensureBuilt, freshHome, keysCheck } from '../store/helpers.ts';
import { describe, pool, reportedOk, run, unclean, type Outcome } from './helpers.ts';

const LANES = 4;
const PER_LANE = 200;

test.before(() => ensureBuilt());

async function load(home: string): Promise<StoreDocument> {
  const doc = await new WorldStore(home).read();
  if (!doc) throw new Error('the world is gone');
  return doc;
}

type Kind = 'create' | 'clear' | 'view';

/** Lane 0 mostly clears, lanes 1-2 mix, lane 3 mostly creates; every lane views now and then. */
function kindOf(lane: number, i: number): Kind {
  if (i % 10 === 9) return 'view';
  const clearShare = [0.8, 0.5, 0.5, 0.2][lane] ?? 0.5;
  return (i * 0.61803) % 1 < clearShare ? 'clear' : 'create';
}

test('four processes × 200 commands on one home: no lost update, no corruption, every contention refusal is a clear FAILED', async (t) => {
  t.timeout(600_000);
  const home = await freshHome(t, 'tkesim-conc4-');
  ceremony(home, 'conc4');
  const before = await load(home);

  const results: { kind: Kind; o: Outcome }[] = (await Promise.all(Array.from({ length: LANES }, (_, lane) =>
    pool(PER_LANE, 1, async (i) => {
      const kind = kindOf(lane, i);
      const o = kind === 'clear'
        ? await run(home, ['cryptounit-mk-clrnew'], { input: 'pw1\n' })
        : kind === 'create' ? await run(home, ['sim', 'keys', 'create', '1']) : await run(home, ['cryptounits']);
      return { kind, o };
    })))).flat();
  t.is(results.length, LANES * PER_LANE);

  const bad = results.flatMap(({ o }, i) => (unclean(o) ? [`run ${i}: ${unclean(o)}: ${describe(o)}`] : []));
  t.deepEqual(bad.slice(0, 3), [], `${bad.length} runs ended unclearly`);

  const succeeded = (r: { kind: Kind; o: Outcome }) => (r.kind === 'view' ? r.o.code === 0 : reportedOk(r.o));
  const ok = (kind: Kind) => results.filter((r) => r.kind === kind && succeeded(r)).length;
  const refused = results.filter((r) => !succeeded(r));
  const counterRefusals = refused.filter((r) => r.kind === 'clear' && /163/.test(r.o.stdout));
  t.log(`${ok('create')} creations, ${ok('clear')} clears and ${ok('view')} views OK; ${refused.length} refused, ${counterRefusals.length} of them on the transaction counter (163)`);
  t.is(refused.filter((r) => r.kind !== 'clear').length, 0, `only a clear may be refused:\n${refused.filter((r) => r.kind !== 'clear').map((r) => describe(r.o)).slice(0, 2).join('\n')}`);
  t.is(counterRefusals.length, refused.length, `every refused clear names the transaction counter:\n${refused.filter((r) => !counterRefusals.includes(r)).map((r) => describe(r.o)).slice(0, 2).join('\n')}`);
  t.true(counterRefusals.length > 0, 'the 163 path was exercised (clears raced each other)');
  for (const r of counterRefusals) {
    t.regex(r.o.stdout, /transaction counter/i);
    t.regex(r.o.stdout, /again/i, 'a counter refusal says to run the command again');
  }

  // No lost update: the world holds exactly what was reported OK.
  const after = await load(home);
  for (const n of [0, 1]) {
    const unit = after.world.units[n]!;
    t.is(unit.keyStorage.total - before.world.units[n]!.keyStorage.total, ok('create'), `unit ${n + 1} holds every created key`);
    t.is(unit.counter - before.world.units[n]!.counter, ok('clear'), `unit ${n + 1} counted every accepted clear, and nothing else`);
  }
  t.is(after.revision - before.revision, ok('create') + ok('clear'), 'one revision per change reported OK');
  const total = after.world.units[0]!.keyStorage.total;
  t.deepEqual(keysCheck(home), { 1: `${total}/${total}`, 2: `${total}/${total}`, '3*': '0/0', '4*': '0/0' }, 'every key decrypts');
  const status = await run(home, ['sim', 'status']);
  t.is(status.code, 0, describe(status));
});
