/**
 * Crash safety: 500 state-changing one-shot commands (sim keys create, and signed
 * cryptounit-mk-clrnew), four at a time on one home, with about 40 % of them killed with SIGKILL at
 * a random moment after spawning (before, while or after they hold the lock and write). After each
 * kill the store still loads; at the end it loads through the binary, every command that reported OK
 * is in it, nothing more than OK + killed is, and every key decrypts.
 */
import { readdir } from 'node:fs/promises';
import test from 'ava';
import { STORE_FILE, WorldStore, type StoreDocument } from '../../src/store/store.ts';
import { ceremony, ensureBuilt, freshHome, keysCheck } from '../store/helpers.ts';
import { describe, pool, reportedOk, run, unclean, type Outcome } from './helpers.ts';

const COMMANDS = 500;
const LANES = 4;
const KILL_SHARE = 0.4;
/** One-shot startup is about 0.2 s here; delays up to 0.6 s land before, during and after the write. */
const MAX_KILL_DELAY_MS = 600;

test.before(() => ensureBuilt());

async function load(home: string): Promise<StoreDocument> {
  const doc = await new WorldStore(home).read();
  if (!doc) throw new Error('the world is gone');
  return doc;
}

/** A small deterministic generator, so a failing run can be repeated with the seed it prints. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

test('500 state-changing commands, 40 % killed with SIGKILL at random points: the store always loads and holds every OK', async (t) => {
  t.timeout(300_000);
  const seed = Number(process.env.TKESIM_CRASH_SEED ?? Date.now() % 1_000_000);
  t.log(`seed ${seed} (TKESIM_CRASH_SEED=${seed} repeats this run)`);
  const rnd = random(seed);
  const home = await freshHome(t, 'tkesim-crash-');
  ceremony(home, 'crash');
  const before = await load(home);

  const plan = Array.from({ length: COMMANDS }, () => ({
    signed: rnd() < 0.2,
    killAfterMs: rnd() < KILL_SHARE ? Math.floor(rnd() * MAX_KILL_DELAY_MS) : undefined,
  }));
  const loadFailures: string[] = [];
  const outcomes: Outcome[] = await pool(COMMANDS, LANES, async (i) => {
    const p = plan[i]!;
    const o = p.signed
      ? await run(home, ['cryptounit-mk-clrnew'], { input: 'pw1\n', killAfterMs: p.killAfterMs })
      : await run(home, ['sim', 'keys', 'create', '1'], { killAfterMs: p.killAfterMs });
    if (o.killed) {
      // Right after a kill (others may be writing meanwhile) the document still parses and validates.
      try {
        await load(home);
      } catch (e) {
        loadFailures.push(`after command ${i}: ${(e as Error).message}`);
      }
    }
    return o;
  });
  t.deepEqual(loadFailures, [], 'the store loads after every kill');

  const count = (signed: boolean, f: (o: Outcome) => boolean) => outcomes.filter((o, i) => plan[i]!.signed === signed && f(o)).length;
  const okKeys = count(false, reportedOk);
  const killedKeys = count(false, (o) => o.killed);
  const okClears = count(true, reportedOk);
  const killedClears = count(true, (o) => o.killed);
  const killed = outcomes.filter((o) => o.killed).length;
  t.log(`${okKeys} key creations and ${okClears} clears reported OK; ${killed} processes killed (${killedKeys} creations, ${killedClears} clears)`);
  t.true(killed >= COMMANDS * KILL_SHARE * 0.5, `only ${killed} processes were actually killed`);
  t.true(okKeys > 0 && okClears > 0);

  // Every run that was not killed ended cleanly: OK, or FAILED with a sentence (a clear that lost
  // the race for the transaction counter is refused with 163), never a crash.
  const bad = outcomes.flatMap((o, i) => (o.killed ? [] : (unclean(o) ? [`command ${i}: ${unclean(o)}: ${describe(o)}`] : [])));
  t.deepEqual(bad.slice(0, 3), [], `${bad.length} unclean endings`);
  const refusedKeys = count(false, (o) => !o.killed && !reportedOk(o));
  t.is(refusedKeys, 0, 'sim keys create is never refused (it contends only for the lock)');

  // The binary loads the store after all that.
  const status = await run(home, ['sim', 'status']);
  t.is(status.code, 0, describe(status));
  const after = await load(home);
  for (const n of [0, 1]) {
    const unit = after.world.units[n]!;
    const keys = unit.keyStorage.total - before.world.units[n]!.keyStorage.total;
    const clears = unit.counter - before.world.units[n]!.counter;
    t.true(keys >= okKeys && keys <= okKeys + killedKeys, `unit ${n + 1}: ${keys} keys created, ${okKeys} reported OK, ${killedKeys} killed`);
    t.true(clears >= okClears && clears <= okClears + killedClears, `unit ${n + 1}: ${clears} clears applied, ${okClears} reported OK, ${killedClears} killed`);
  }
  const keys = after.world.units[0]!.keyStorage.total - before.world.units[0]!.keyStorage.total;
  const clears = after.world.units[0]!.counter - before.world.units[0]!.counter;
  t.is(after.world.units[1]!.keyStorage.total, after.world.units[0]!.keyStorage.total, 'both units hold the same keys');
  t.is(after.world.units[1]!.counter - before.world.units[1]!.counter, clears, 'every clear reached both units or neither');
  t.is(after.revision - before.revision, keys + clears, 'one revision per applied command: no partial or lost write');
  const total = after.world.units[0]!.keyStorage.total;
  t.deepEqual(keysCheck(home), { 1: `${total}/${total}`, 2: `${total}/${total}`, '3*': '0/0', '4*': '0/0' }, 'every key decrypts');

  // What a kill may leave behind is only the lock or lowdb's temp file, and the next command copes.
  // (A killed command's progress.json is removed by the next one: `sim status` above.)
  const leftovers = (await readdir(home)).filter((f) => f !== 'tkefiles' && f !== STORE_FILE);
  t.true(leftovers.every((f) => f === `.${STORE_FILE}.tmp` || /^world\.json\.lock/.test(f)), `unexpected files: ${leftovers.join(', ')}`);
  const last = await run(home, ['sim', 'keys', 'create', '1']);
  t.true(reportedOk(last), describe(last));
});
