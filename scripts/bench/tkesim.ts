/** For the bench: run the built one-shot binary, time processes, and set up worlds. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');

/**
 * The binary measured: dist/ as built by `npm run bench`, copied once to a private directory so
 * that a rebuild started elsewhere during the run (scripts/build.mjs deletes dist/ first) cannot
 * pull it away mid-measurement. The copy is the same bundle; one-shot mode loads nothing outside it.
 */
export function privateBinary(): string {
  if (!existsSync(join(DIST, 'tkesim.js'))) throw new Error(`${join(DIST, 'tkesim.js')} is missing: run "npm run bench" (it builds first).`);
  const copy = mkdtempSync(join(tmpdir(), 'tkesim-bench-bin-'));
  process.on('exit', () => rmSync(copy, { recursive: true, force: true }));
  cpSync(DIST, copy, { recursive: true });
  BIN = join(copy, 'tkesim.js');
  return BIN;
}

export let BIN = join(DIST, 'tkesim.js');

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time of the whole process, in seconds. */
  readonly seconds: number;
}

/** Runs a process to completion and times it with the monotonic clock. */
export function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv, input = ''): Run {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { env, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, seconds };
}

const GNU_TIME = '/usr/bin/time';

/**
 * The same, also reporting the process's CPU time (user + system) when /usr/bin/time is there: on
 * a busy shared machine it shows how much of the wall time was the process's own work.
 */
export function timedWithCpu(command: string, args: readonly string[], env: NodeJS.ProcessEnv, input = ''): Run & { cpu: number | null } {
  if (!existsSync(GNU_TIME)) return { ...timed(command, args, env, input), cpu: null };
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-bench-time-'));
  try {
    const out = join(dir, 'time');
    const r = timed(GNU_TIME, ['-f', '%U %S', '-o', out, command, ...args], env, input);
    const [user, system] = readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    const cpu = Number.isFinite(user) && Number.isFinite(system) ? (user ?? 0) + (system ?? 0) : null;
    return { ...r, cpu };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh TKESIM_HOME (removed at exit) and the environment a one-shot tkesim runs with there. */
export function freshHome(extra: Record<string, string> = {}): { home: string; env: NodeJS.ProcessEnv } {
  const home = mkdtempSync(join(tmpdir(), 'tkesim-bench-'));
  process.on('exit', () => rmSync(home, { recursive: true, force: true }));
  const env: NodeJS.ProcessEnv = { ...process.env, TKESIM_HOME: home, FORCE_COLOR: '0', ...extra };
  for (const name of ['CLOUDTKEFILES', 'TKESIM_SEED', 'TKESIM_WIRE_LOG', 'TKESIM_SCRYPT_N', 'NODE_OPTIONS']) if (!(name in extra)) delete env[name];
  return { home, env };
}

export function tkesim(env: NodeJS.ProcessEnv, args: readonly string[], input = ''): Run {
  return timed(process.execPath, [BIN, ...args], env, input);
}

/** Runs one setup step; throws with its transcript unless it exits 0. */
export function must(env: NodeJS.ProcessEnv, args: readonly string[], input = ''): Run {
  const r = tkesim(env, args, input);
  if (r.status !== 0) throw new Error(`tkesim ${args.join(' ')} exited ${r.status}\n${r.stdout}${r.stderr}`);
  return r;
}

/**
 * The key-part ceremony by one-shot commands: units 1 and 2 selected, Alice (password pw1) their
 * only admin, thresholds 1/1, a master key of parts 1 and 2 loaded, committed and set.
 */
export function ceremony(env: NodeJS.ProcessEnv, seed: string): void {
  must(env, ['sim', 'init', '--yes', '--seed', seed]);
  must(env, ['cryptounit-add', '1', '2']);
  must(env, ['sigkey-add'], 'Alice\npw1\npw1\n');
  must(env, ['sigkey-sel', '1'], 'pw1\n');
  must(env, ['cryptounit-admin-add', '1'], 'pw1\n');
  must(env, ['cryptounit-thrhld-set', '1', '1'], 'pw1\n');
  must(env, ['mk-add', '--random'], 'p1\nk1\nk1\n');
  must(env, ['mk-add', '--random'], 'p2\nk2\nk2\n');
  must(env, ['cryptounit-mk-load', '1', '2'], 'pw1\nk1\nk2\n');
  must(env, ['cryptounit-mk-commit'], 'pw1\n');
  must(env, ['cryptounit-mk-setimm'], 'y\npw1\n');
}

/** `sim keys check` as {unit number: "decryptable/total"}. */
export function keysCheck(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of must(env, ['sim', 'keys', 'check']).stdout.split('\n')) {
    const m = /^(\d+\*?)\s+(\d+\/\d+)\s*$/.exec(line);
    if (m?.[1] && m[2]) out[m[1]] = m[2];
  }
  return out;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

export const seconds = (s: number): string => `${s.toFixed(3)} s`;
