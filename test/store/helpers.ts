/**
 * Shared by the store tests: fresh homes, file snapshots, and the built one-shot binary run as a
 * separate process (built only when dist/tkesim.js is missing or older than the sources).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExecutionContext } from 'ava';
import { withLock } from '../../src/store/lock.ts';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/**
 * The binary under test: a private copy of dist/ made by ensureBuilt(), so that a rebuild started
 * elsewhere while these tests run (scripts/build.mjs deletes dist/ first) cannot pull it away.
 * TKESIM_BIN points the tests at another build instead (used to check that they can fail).
 */
export let BIN = process.env.TKESIM_BIN ?? join(ROOT, 'dist', 'tkesim.js');

/** A fresh, empty directory under the system temp dir, removed when the test ends. */
export async function freshHome(t: ExecutionContext, prefix = 'tkesim-store-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Content, mode and modification time: equal snapshots mean the file was not touched. */
export interface Snapshot {
  readonly bytes: Buffer;
  readonly mtimeNs: bigint;
  readonly mode: number;
}

export async function snapshot(file: string): Promise<Snapshot> {
  const s = await stat(file, { bigint: true });
  return { bytes: await readFile(file), mtimeNs: s.mtimeNs, mode: Number(s.mode) };
}

export function assertUnchanged(t: ExecutionContext, before: Snapshot, after: Snapshot, what: string): void {
  t.true(before.bytes.equals(after.bytes), `${what}: the file's bytes changed`);
  t.is(after.mtimeNs, before.mtimeNs, `${what}: the file was rewritten`);
  t.is(after.mode, before.mode, `${what}: the file's mode changed`);
}

/** A pid that belonged to a process which has exited (the process is reaped before this returns). */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(r.stdout);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`could not learn a pid: ${r.stdout} ${r.stderr}`);
  return pid;
}

// ---- the built binary ----

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function binaryIsStale(bin: string): boolean {
  if (!existsSync(bin)) return true;
  const sources = Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'scripts', 'build.mjs')), newestMtime(join(ROOT, 'package.json')));
  return sources > statSync(bin).mtimeMs;
}

/**
 * Builds dist/ with scripts/build.mjs when it is missing or older than the sources, then copies it
 * to a private directory removed at exit. Builds are serialised with the lock the other end-to-end
 * helpers use (test/helpers/cli.ts), so test files running in parallel build once.
 */
export async function ensureBuilt(): Promise<void> {
  if (process.env.TKESIM_BIN) {
    if (!existsSync(BIN)) throw new Error(`TKESIM_BIN=${BIN} does not exist`);
    return;
  }
  const dist = join(ROOT, 'dist');
  const copy = mkdtempSync(join(tmpdir(), 'tkesim-store-bin-'));
  process.on('exit', () => rmSync(copy, { recursive: true, force: true }));
  await withLock(join(tmpdir(), 'tkesim-test-build.lock'), () => {
    if (binaryIsStale(join(dist, 'tkesim.js'))) {
      const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`build failed (${r.status}): ${r.stdout}${r.stderr}`);
    }
    cpSync(dist, copy, { recursive: true });
  });
  const bin = join(copy, 'tkesim.js');
  const check = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`the built binary does not start: ${check.stdout}${check.stderr}`);
  BIN = bin;
}

/** The environment a one-shot tkesim runs with: this home, its default workstation, cheap scrypt. */
export function tkesimEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TKESIM_HOME: home, TKESIM_SCRYPT_N: '1024', FORCE_COLOR: '0', ...extra };
  for (const name of ['CLOUDTKEFILES', 'TKESIM_SEED', 'TKESIM_WIRE_LOG', 'NODE_OPTIONS']) delete env[name];
  return env;
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/tkesim.js ...args` once, answering prompts from `input` (one answer a line). */
export function tkesim(home: string, args: readonly string[], input = ''): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: tkesimEnv(home), input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, asynchronously, so that several processes can run at once. */
export function tkesimAsync(home: string, args: readonly string[], input = ''): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: tkesimEnv(home), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Runs one step and fails loudly (with the transcript) unless it exits 0. */
export function must(home: string, args: readonly string[], input = ''): Run {
  const r = tkesim(home, args, input);
  if (r.status !== 0) throw new Error(`tkesim ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/**
 * The key-part ceremony by one-shot commands: units 1 and 2 selected, Alice their only admin,
 * thresholds 1/1, a master key of two random parts loaded, committed and set: both current
 * registers Valid.
 */
export function ceremony(home: string, seed: string): void {
  must(home, ['sim', 'init', '--yes', '--seed', seed]);
  must(home, ['cryptounit-add', '1', '2']);
  must(home, ['sigkey-add'], 'Alice\npw1\npw1\n');
  must(home, ['sigkey-sel', '1'], 'pw1\n');
  must(home, ['cryptounit-admin-add', '1'], 'pw1\n');
  must(home, ['cryptounit-thrhld-set', '1', '1'], 'pw1\n');
  must(home, ['mk-add', '--random'], 'p1\nk1\nk1\n');
  must(home, ['mk-add', '--random'], 'p2\nk2\nk2\n');
  must(home, ['cryptounit-mk-load', '1', '2'], 'pw1\nk1\nk2\n');
  must(home, ['cryptounit-mk-commit'], 'pw1\n');
  must(home, ['cryptounit-mk-setimm'], 'y\npw1\n');
}

/** `sim keys check` as {unit number: "decryptable/total"}. */
export function keysCheck(home: string): Record<string, string> {
  const r = must(home, ['sim', 'keys', 'check']);
  const out: Record<string, string> = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^(\d+\*?)\s+(\d+\/\d+)\s*$/.exec(line);
    if (m?.[1] && m[2]) out[m[1]] = m[2];
  }
  return out;
}
