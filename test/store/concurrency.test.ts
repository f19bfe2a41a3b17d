/**
 * Two tkesim processes on one TKESIM_HOME never lose each other's updates: every change is a
 * read-modify-write under the store's lock. Checked with two OS processes each running 50
 * state-changing one-shot commands, with many concurrent updates through WorldStore in one process,
 * and with ten processes hammering one store (where a flaw in breaking locks shows).
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import type { World } from '../../src/core/types.ts';
import { STORE_FILE, WorldStore, type StoreDocument } from '../../src/store/store.ts';
import { world as seededWorld } from '../helpers/core.ts';
import { BIN, ceremony, ensureBuilt, freshHome, keysCheck, tkesimEnv } from './helpers.ts';

const PER_PROCESS = 50;

test.before(() => ensureBuilt());

interface Loop {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * One OS process (a shell) that runs `node dist/tkesim.js <args>` `times` times; it goes on after a
 * failure (so that lost updates among the other runs still show) and exits 1 if any run failed.
 */
function loop(home: string, args: readonly string[], times: number): Promise<Loop> {
  const script = `failed=0; for i in $(seq ${times}); do "$NODE" "$BIN" "$@" </dev/null || { echo "run $i exited $?" >&2; failed=1; }; done; exit $failed`;
  return new Promise((done, fail) => {
    const child = spawn('bash', ['-c', script, 'loop', ...args], {
      env: { ...tkesimEnv(home), NODE: process.execPath, BIN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

async function document(home: string): Promise<StoreDocument> {
  const doc = await new WorldStore(home).read();
  if (!doc) throw new Error('no world');
  return doc;
}

test('two processes each running 50 sim keys create on one home lose no update', async (t) => {
  t.timeout(300_000);
  const home = await freshHome(t, 'tkesim-conc-');
  ceremony(home, 'conc');
  t.deepEqual(keysCheck(home), { 1: '0/0', 2: '0/0', '3*': '0/0', '4*': '0/0' });
  const before = await document(home);

  const [a, b] = await Promise.all([loop(home, ['sim', 'keys', 'create', '1'], PER_PROCESS), loop(home, ['sim', 'keys', 'create', '1'], PER_PROCESS)]);
  for (const [name, r] of [['first', a], ['second', b]] as const) {
    t.is(r.code, 0, `the ${name} process failed:\n${r.stderr}\n${r.stdout.slice(-2000)}`);
    t.is(r.stdout.match(/^OK$/gm)?.length, PER_PROCESS, `every command of the ${name} process printed OK`);
    t.false(/FAILED|internal error/.test(r.stdout + r.stderr), r.stdout + r.stderr);
  }

  // The file is a valid document, and nothing of the lock or the atomic write is left behind.
  const text = await readFile(join(home, STORE_FILE), 'utf8');
  t.notThrows(() => JSON.parse(text));
  const after = await document(home);
  t.is(after.schema, 1);
  t.is(after.revision, before.revision + 2 * PER_PROCESS, 'every command wrote exactly one revision');
  t.deepEqual((await readdir(home)).filter((f) => f !== 'tkefiles').sort(), [STORE_FILE]);

  // Every key of both processes is in both units' storage, and decrypts.
  const total = 2 * PER_PROCESS;
  for (const n of [0, 1]) t.is(after.world.units[n]?.keyStorage.total, total, `unit ${n + 1} holds every key`);
  t.deepEqual(keysCheck(home), { 1: `${total}/${total}`, 2: `${total}/${total}`, '3*': '0/0', '4*': '0/0' });
});

test('many concurrent updates through separate WorldStore objects lose nothing', async (t) => {
  const home = await freshHome(t, 'tkesim-conc-');
  const start: World = seededWorld('in-process');
  await new WorldStore(home).update(() => ({ world: start, result: null }));
  const writers = [new WorldStore(home), new WorldStore(home), new WorldStore(home)];
  const seen = new Set<number>();
  await Promise.all(Array.from({ length: 60 }, async (_, i) => {
    const store = writers[i % writers.length]!;
    await store.update(async (current) => {
      // Yield in the middle of the read-modify-write, as a real command does while it verifies signatures.
      await new Promise((r) => setTimeout(r, i % 3));
      seen.add(current!.revision);
      return { world: { ...current!.world, draws: current!.world.draws + 1 }, result: null };
    });
  }));
  const doc = await new WorldStore(home).read();
  t.is(doc?.revision, 61);
  t.is(doc?.world.draws, start.draws + 60);
  t.is(seen.size, 60, 'no two updates saw the same revision');
  t.deepEqual(await readdir(home), [STORE_FILE]);
});

/** Starts `node --import tsx fixtures/update-worker.ts home count` and collects its output. */
function worker(home: string, count: number): Promise<Loop> {
  const script = fileURLToPath(new URL('fixtures/update-worker.ts', import.meta.url));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, home, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

// Many processes contending for the lock at once: a lock released between another process's failed
// create and its look at the owner must not make that process delete the next holder's lock.
test('ten processes hammering one store lose no update and never collide on the atomic write', async (t) => {
  t.timeout(180_000);
  const PROCESSES = 10;
  const EACH = 150;
  const home = await freshHome(t, 'tkesim-conc-');
  const start: World = seededWorld('hammer');
  await new WorldStore(home).update(() => ({ world: start, result: null }));
  const runs = await Promise.all(Array.from({ length: PROCESSES }, () => worker(home, EACH)));
  const failures = runs.filter((r) => r.code !== 0);
  t.is(failures.length, 0, `${failures.length} process(es) failed:\n${failures.map((r) => r.stderr.split('\n').slice(0, 3).join('\n')).join('\n--\n')}`);
  const completed = runs.reduce((n, r) => n + (Number(r.stdout.trim()) || 0), 0);
  const doc = await new WorldStore(home).read();
  t.is(doc?.world.draws, start.draws + completed, `${completed} updates completed but only ${(doc?.world.draws ?? 0) - start.draws} are in the world: lost updates`);
  t.is(completed, PROCESSES * EACH);
  t.is(doc?.revision, 1 + PROCESSES * EACH);
  t.deepEqual(await readdir(home), [STORE_FILE]);
});
