/** Runs the built tkesim binary as a separate process, answering prompts on standard input. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withLock } from '../../src/store/lock.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'dist', 'tkesim.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds dist/tkesim.js when it is missing or older than the sources (once across test workers). */
export async function ensureBuilt(): Promise<void> {
  await withLock(join(tmpdir(), 'tkesim-test-build.lock'), () => {
    let built = 0;
    try {
      built = statSync(BIN).mtimeMs;
    } catch { /* not built */ }
    if (built > newestSource(join(ROOT, 'src'))) return;
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  });
}

export interface Home {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
}

export function newHome(): Home {
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TKESIM_HOME: dir, TKESIM_SCRYPT_N: '1024', FORCE_COLOR: '0' };
  delete env.CLOUDTKEFILES;
  delete env.TKESIM_SEED;
  return { dir, env };
}

export interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export function tkesim(home: Home, args: readonly string[], answers: readonly string[] = [], extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...home.env, ...extraEnv }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
    child.stdin.end(answers.map((a) => `${a}\n`).join(''));
  });
}

/** The world document's bytes and the workstation selection: what "unchanged" compares. */
export function snapshot(home: Home): string {
  const read = (p: string) => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return '<absent>';
    }
  };
  return `${read(join(home.dir, 'world.json'))}\n--\n${read(join(home.dir, 'tkefiles', 'SELECTION.json'))}`;
}
