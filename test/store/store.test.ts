/**
 * The store: one lowdb document with a schema version, written atomically, read-modify-write under
 * a lock; a document it cannot trust is refused and never overwritten. Tested on WorldStore itself
 * and through the built one-shot binary.
 */
import { readdir, readFile, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import test from 'ava';
import type { World } from '../../src/core/types.ts';
import { SCHEMA_VERSION, STORE_FILE, StoreError, WorldStore, type StoreDocument } from '../../src/store/store.ts';
import { world as seededWorld } from '../helpers/core.ts';
import { assertUnchanged, deadPid, ensureBuilt, freshHome, snapshot, tkesimAsync as run } from './helpers.ts';

test.before(() => ensureBuilt());

const bump = (w: World): World => ({ ...w, draws: w.draws + 1 });

async function provisioned(home: string, w: World = seededWorld('store')): Promise<WorldStore> {
  const store = new WorldStore(home);
  await store.update(() => ({ world: w, result: null }));
  return store;
}

// ---- absent file ----

test('an absent file reads as null, and reading creates nothing', async (t) => {
  const home = await freshHome(t);
  const store = new WorldStore(home);
  t.is(store.file, join(home, STORE_FILE));
  t.is(await store.read(), null);
  t.deepEqual(await readdir(home), []);
});

test('an update on an absent file sees null; a refusal there creates no file', async (t) => {
  const home = await freshHome(t);
  const store = new WorldStore(home);
  let seen: StoreDocument | null | undefined;
  const result = await store.update((current) => {
    seen = current;
    return { world: null, result: 'refused' };
  });
  t.is(result, 'refused');
  t.is(seen, null);
  t.deepEqual(await readdir(home), [], 'neither a world file nor a lock file is left');
  t.is(await store.read(), null);
});

test('a one-shot command on an empty home provisions the default world', async (t) => {
  const home = await freshHome(t);
  const r = await run(home, ['cryptounits']);
  t.is(r.status, 0, r.stdout + r.stderr);
  const doc = await new WorldStore(home).read();
  if (!doc) return t.fail('no world was written');
  t.is(doc.schema, 1);
  t.is(doc.revision, 1);
  const w = doc.world;
  t.is(w.instances.length, 1);
  t.is(w.instances[0]?.region, 'us-south');
  t.is(w.region, 'us-south');
  t.deepEqual(w.shape, { instances: 1, units: 2, recovery: 2, failover: 0, region: 'us-south' });
  t.deepEqual(w.units.map((u) => u.type), ['OPERATIONAL', 'OPERATIONAL', 'RECOVERY', 'RECOVERY']);
  const instanceId = w.instances[0]?.id;
  for (const u of w.units) {
    t.true(u.instanceId === instanceId, `unit ${u.id} belongs to the instance`);
    t.is(u.signatureThreshold, 0, 'imprint mode');
    t.is(u.revocationThreshold, 0, 'imprint mode');
    t.deepEqual(u.admins, []);
    t.is(u.newRegister.state, 'Empty');
    t.is(u.currentRegister.state, 'Empty');
    t.is(u.keyStorage.total, 0);
  }
  t.is(new Set(w.units.map((u) => u.id)).size, 4, 'unit ids are distinct');
  // Nothing is selected: the table shows every unit as not selected.
  const rows = r.stdout.split('\n').filter((l) => /^\d\s/.test(l));
  t.is(rows.length, 4, r.stdout);
  for (const row of rows) t.regex(row, /^\d\s+false\s/);
  // A read-only command afterwards does not write again.
  const before = await snapshot(join(home, STORE_FILE));
  t.is((await run(home, ['cryptounits'])).status, 0);
  assertUnchanged(t, before, await snapshot(join(home, STORE_FILE)), 'a second cryptounits');
});

// ---- round trip ----

test('round trip: a fresh store reads the world that was written, and each write increments the revision', async (t) => {
  const home = await freshHome(t);
  const w = seededWorld('round-trip');
  await provisioned(home, w);
  const first = await new WorldStore(home).read();
  t.deepEqual(first, { schema: SCHEMA_VERSION, revision: 1, world: w });

  const writer = new WorldStore(home);
  let seen: StoreDocument | null = null;
  await writer.update((current) => {
    seen = current;
    return { world: bump(current!.world), result: null };
  });
  t.deepEqual(seen, first, 'the update saw the stored document');
  const second = await new WorldStore(home).read();
  t.is(second?.revision, 2);
  t.deepEqual(second?.world, bump(w));

  // The same store object sees writes made by another store (no stale in-memory copy).
  await new WorldStore(home).update((current) => ({ world: bump(current!.world), result: null }));
  await writer.update((current) => {
    t.is(current?.revision, 3);
    t.is(current?.world.draws, w.draws + 2);
    return { world: bump(current!.world), result: null };
  });
  const last = await new WorldStore(home).read();
  t.is(last?.revision, 4);
  t.is(last?.world.draws, w.draws + 3);
});

test('update returns the result of fn, whether or not it writes', async (t) => {
  const home = await freshHome(t);
  const store = await provisioned(home);
  t.is(await store.update((c) => ({ world: c!.world, result: 42 })), 42);
  t.deepEqual(await store.update(() => ({ world: null, result: { why: 'no' } })), { why: 'no' });
});

test('the written file is JSON with schema 1, replaced atomically: no temp or lock file is left', async (t) => {
  const home = await freshHome(t);
  const store = await provisioned(home);
  await store.update((c) => ({ world: bump(c!.world), result: null }));
  const text = await readFile(join(home, STORE_FILE), 'utf8');
  const parsed = JSON.parse(text) as Record<string, unknown>;
  t.is(parsed.schema, 1);
  t.is(parsed.revision, 2);
  t.deepEqual(Object.keys(parsed).sort(), ['revision', 'schema', 'world']);
  t.deepEqual(await readdir(home), [STORE_FILE]);
});

test('the file written by the binary is JSON with schema 1', async (t) => {
  const home = await freshHome(t);
  t.is((await run(home, ['sim', 'init', '--yes', '--seed', 'json'])).status, 0);
  const parsed = JSON.parse(await readFile(join(home, STORE_FILE), 'utf8')) as StoreDocument;
  t.is(parsed.schema, 1);
  t.true(Number.isInteger(parsed.revision) && parsed.revision >= 1);
  t.is(parsed.world.seed, 'json');
  t.false((await readdir(home)).some((f) => f.endsWith('.lock') || f.endsWith('.tmp')));
});

// ---- refusals write nothing ----

test('a refusal (update returning world null) writes nothing: bytes and mtime unchanged', async (t) => {
  const home = await freshHome(t);
  const store = await provisioned(home);
  const file = join(home, STORE_FILE);
  // Age the file so that any rewrite, even within the same clock tick, would show in its mtime.
  await utimes(file, new Date(2001, 0, 1), new Date(2001, 0, 1));
  const before = await snapshot(file);
  await store.update((c) => ({ world: null, result: bump(c!.world) }));
  assertUnchanged(t, before, await snapshot(file), 'a refused update');
  t.is((await store.read())?.revision, 1);
  t.deepEqual(await readdir(home), [STORE_FILE], 'the lock is released');
});

test('an update whose fn throws writes nothing and releases the lock', async (t) => {
  const home = await freshHome(t);
  const store = await provisioned(home);
  const file = join(home, STORE_FILE);
  await utimes(file, new Date(2001, 0, 1), new Date(2001, 0, 1));
  const before = await snapshot(file);
  await t.throwsAsync(store.update(() => {
    throw new Error('boom');
  }), { message: 'boom' });
  assertUnchanged(t, before, await snapshot(file), 'a failed update');
  t.deepEqual(await readdir(home), [STORE_FILE]);
  // The next update is not wedged.
  await store.update((c) => ({ world: bump(c!.world), result: null }));
  t.is((await store.read())?.revision, 2);
});

test('a refused command leaves the world file untouched (binary)', async (t) => {
  const home = await freshHome(t);
  t.is((await run(home, ['sim', 'init', '--yes', '--seed', 'refusal'])).status, 0);
  t.is((await run(home, ['cryptounit-add', '1', '2'])).status, 0);
  const file = join(home, STORE_FILE);
  await utimes(file, new Date(2001, 0, 1), new Date(2001, 0, 1));
  const before = await snapshot(file);
  // The current registers are Empty: creating keys is refused by the units.
  const r = await run(home, ['sim', 'keys', 'create', '1']);
  t.is(r.status, 1, r.stdout + r.stderr);
  t.regex(r.stdout, /FAILED/);
  t.regex(r.stdout, /CKR_IBM_WK_NOT_INITIALIZED/);
  assertUnchanged(t, before, await snapshot(file), 'a refused sim keys create');
});

// ---- documents the store cannot trust ----

interface Bad {
  readonly title: string;
  readonly text: (valid: string) => string;
  readonly message?: RegExp;
}

function validDocumentText(): string {
  return `${JSON.stringify({ schema: 1, revision: 7, world: seededWorld('bad') })}\n`;
}

const withWorld = (valid: string, edit: (doc: Record<string, unknown>) => void): string => {
  const doc = JSON.parse(valid) as Record<string, unknown>;
  edit(doc);
  return JSON.stringify(doc);
};

const BAD: readonly Bad[] = [
  { title: 'invalid JSON', text: () => '{"schema": 1, "revision": 1, world: }', message: /damaged/ },
  { title: 'a truncated file', text: (v) => v.slice(0, Math.floor(v.length / 2)), message: /damaged/ },
  { title: 'a file truncated to one byte', text: (v) => v.slice(0, 1), message: /damaged/ },
  { title: 'an empty file', text: () => '', message: /damaged/ },
  { title: 'binary garbage', text: () => '\u0000\u00ff\u0013garbage' },
  { title: 'a JSON array', text: () => '[1, 2, 3]', message: /not a tkesim store document/ },
  { title: 'JSON null', text: () => 'null', message: /not a tkesim store document/ },
  { title: 'an object without a schema', text: (v) => withWorld(v, (d) => { delete d.schema; }), message: /not a tkesim store document/ },
  { title: 'a schema that is a string', text: (v) => withWorld(v, (d) => { d.schema = '1'; }), message: /not a tkesim store document/ },
  { title: 'another application\'s JSON', text: () => '{"name":"my-app","version":"1.0.0"}', message: /not a tkesim store document/ },
  { title: 'no world', text: (v) => withWorld(v, (d) => { delete d.world; }), message: /expected shape/ },
  { title: 'no revision', text: (v) => withWorld(v, (d) => { delete d.revision; }), message: /expected shape/ },
  { title: 'units that are not a list', text: (v) => withWorld(v, (d) => { (d.world as Record<string, unknown>).units = 'four'; }), message: /expected shape/ },
  {
    title: 'a unit without its registers',
    text: (v) => withWorld(v, (d) => { delete ((d.world as { units: Record<string, unknown>[] }).units[1] as Record<string, unknown>).currentRegister; }),
    message: /expected shape/,
  },
  {
    title: 'a unit whose counter is a string',
    text: (v) => withWorld(v, (d) => { ((d.world as { units: Record<string, unknown>[] }).units[0] as Record<string, unknown>).counter = '3'; }),
    message: /expected shape/,
  },
  { title: 'a newer schema (2)', text: (v) => withWorld(v, (d) => { d.schema = 2; }), message: /newer tkesim \(schema 2\)/ },
  { title: 'a much newer schema (99) of another shape', text: () => '{"schema":99,"cloud":{}}', message: /newer tkesim \(schema 99\)/ },
];

for (const bad of BAD) {
  test(`store: ${bad.title} is refused with a StoreError naming the file, and left byte-identical`, async (t) => {
    const home = await freshHome(t);
    const file = join(home, STORE_FILE);
    await writeFile(file, bad.text(validDocumentText()));
    await utimes(file, new Date(2001, 0, 1), new Date(2001, 0, 1));
    const before = await snapshot(file);
    const store = new WorldStore(home);

    const onRead = await t.throwsAsync(store.read(), { instanceOf: StoreError });
    t.true(onRead.message.includes(file), onRead.message);
    t.is((onRead as StoreError).file, file);
    if (bad.message) t.regex(onRead.message, bad.message);
    t.regex(onRead.message, /unchanged/);

    let called = false;
    const onUpdate = await t.throwsAsync(store.update(() => {
      called = true;
      return { world: seededWorld('overwrite'), result: null };
    }), { instanceOf: StoreError });
    t.true(onUpdate.message.includes(file));
    t.false(called, 'the update never decided on a document it could not read');
    // Twice: a refused update leaves no lock behind that would wedge the next one.
    await t.throwsAsync(store.update(() => ({ world: seededWorld('overwrite'), result: null })), { instanceOf: StoreError });

    assertUnchanged(t, before, await snapshot(file), bad.title);
    t.deepEqual(await readdir(home), [STORE_FILE], 'no lock or temp file is left');
  });
}

// Through the binary: read-only commands, and commands that would write (even sim init --yes).
const BINARY_BAD = BAD.filter((b) => ['invalid JSON', 'a truncated file', 'an empty file', 'a unit without its registers', 'another application\'s JSON', 'a newer schema (2)'].includes(b.title));
const COMMANDS: readonly (readonly string[])[] = [['cryptounits'], ['sim', 'status'], ['sim', 'init', '--yes'], ['sim', 'reset', '--yes'], ['sim', 'keys', 'create', '1']];

for (const bad of BINARY_BAD) {
  test(`binary: ${bad.title} makes every command print FAILED with the file name, exit 1, and leave the file byte-identical`, async (t) => {
    const home = await freshHome(t);
    const file = join(home, STORE_FILE);
    await writeFile(file, bad.text(validDocumentText()));
    await utimes(file, new Date(2001, 0, 1), new Date(2001, 0, 1));
    const before = await snapshot(file);
    for (const args of COMMANDS) {
      const r = await run(home, args, 'y\n');
      const what = `tkesim ${args.join(' ')}`;
      t.is(r.status, 1, `${what}\n${r.stdout}${r.stderr}`);
      t.regex(r.stdout, /^FAILED$/m, what);
      t.true(r.stdout.includes(file), `${what} names the file: ${r.stdout}`);
      if (bad.message) t.regex(r.stdout, bad.message, what);
      t.is(r.stderr, '', `${what} is not an internal error`);
      assertUnchanged(t, before, await snapshot(file), what);
    }
    t.false((await readdir(home)).some((f) => f.startsWith(`${STORE_FILE}.`) || f.startsWith(`.${STORE_FILE}`)), 'no lock or temp file is left');
  });
}

// ---- locks ----

async function writeLock(home: string, pid: number, stamp: number): Promise<string> {
  const lock = join(home, `${STORE_FILE}.lock`);
  await writeFile(lock, `${pid} ${stamp}`);
  return lock;
}

test('a stale lock left by a dead process does not wedge the next update', async (t) => {
  const home = await freshHome(t);
  const store = await provisioned(home);
  await writeLock(home, deadPid(), Date.now());
  const start = Date.now();
  await store.update((c) => ({ world: bump(c!.world), result: null }));
  t.true(Date.now() - start < 10_000, `the update took ${Date.now() - start} ms`);
  t.is((await store.read())?.revision, 2);
  t.deepEqual(await readdir(home), [STORE_FILE], 'the stale lock is gone');
});

test('a lock older than its time limit is broken even if its pid is alive', async (t) => {
  const home = await freshHome(t);
  const store = await provisioned(home);
  await writeLock(home, process.pid, Date.now() - 10 * 60_000);
  const start = Date.now();
  await store.update((c) => ({ world: bump(c!.world), result: null }));
  t.true(Date.now() - start < 10_000, `the update took ${Date.now() - start} ms`);
  t.is((await store.read())?.revision, 2);
});

test('a lock file without an owner (left between create and write) is broken after a moment', async (t) => {
  const home = await freshHome(t);
  const store = await provisioned(home);
  const lock = join(home, `${STORE_FILE}.lock`);
  await writeFile(lock, '');
  const old = new Date(Date.now() - 5_000);
  await utimes(lock, old, old);
  const start = Date.now();
  await store.update((c) => ({ world: bump(c!.world), result: null }));
  t.true(Date.now() - start < 10_000, `the update took ${Date.now() - start} ms`);
  t.is((await store.read())?.revision, 2);
});

test('a live lock holds an update back until it is released', async (t) => {
  const home = await freshHome(t);
  const store = await provisioned(home);
  const file = join(home, STORE_FILE);
  const lock = await writeLock(home, process.pid, Date.now());
  const held = await readFile(lock, 'utf8');
  let finished = false;
  const pending = store.update((c) => ({ world: bump(c!.world), result: null })).then(() => {
    finished = true;
  });
  await new Promise((r) => setTimeout(r, 400));
  t.false(finished, 'the update ran while another process held the lock');
  t.is((await store.read())?.revision, 1);
  t.is(await readFile(lock, 'utf8'), held, 'the live lock was not broken');
  await unlink(lock);
  await pending;
  t.true(finished);
  t.is((await new WorldStore(home).read())?.revision, 2);
  t.deepEqual(await readdir(home), [STORE_FILE]);
  t.is(file, store.file);
});

test('binary: a stale lock left by a dead tkesim does not wedge the next command', async (t) => {
  const home = await freshHome(t);
  t.is((await run(home, ['sim', 'init', '--yes', '--seed', 'stale'])).status, 0);
  const revision = (await new WorldStore(home).read())?.revision ?? 0;
  await writeLock(home, deadPid(), Date.now());
  const start = Date.now();
  const r = await run(home, ['sim', 'init', '--yes', '--seed', 'stale-2']);
  t.is(r.status, 0, r.stdout + r.stderr);
  t.true(Date.now() - start < 15_000, `the command took ${Date.now() - start} ms`);
  const doc = await new WorldStore(home).read();
  t.is(doc?.revision, revision + 1);
  t.is(doc?.world.seed, 'stale-2');
  t.false((await readdir(home)).includes(`${STORE_FILE}.lock`));
});
