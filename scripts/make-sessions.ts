/**
 * Regenerates the shipped sessions: for each demo script in sessions/demos/NAME.demo, records
 * `tkesim demo` (run unattended) in a pseudo-terminal as sessions/NAME.cast and
 * sessions/NAME.journal.jsonl. Run: npm run -s build && node --import tsx scripts/make-sessions.ts [NAME...]
 * The worlds are seeded, so the journals' digests are the same on every run; only times differ.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'dist', 'tkesim.js');
const COLS = 110;
const ROWS = 42;

const wanted = process.argv.slice(2);
const demos = readdirSync(join(ROOT, 'sessions', 'demos'))
  .filter((f) => f.endsWith('.demo'))
  .map((f) => f.slice(0, -'.demo'.length))
  .filter((name) => wanted.length === 0 || wanted.includes(name));

// A terminal as a viewer has it: Ink renders every frame without CI, in colour.
const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', SHELL: '/bin/bash', TKESIM_SCRYPT_N: '1024' };
for (const name of ['CI', 'FORCE_COLOR', 'NO_COLOR', 'TKESIM_SEED', 'CLOUDTKEFILES', 'TKESIM_HOME']) delete env[name];

let failed = 0;
for (const name of demos) {
  const args = [BIN, 'record', `sessions/${name}`, '--cols', String(COLS), '--rows', String(ROWS), '--',
    'demo', `sessions/demos/${name}.demo`, '--auto', '0.8', '--typing', '12'];
  process.stdout.write(`recording ${name}...\n`);
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
  process.stdout.write(r.stderr);
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`  ${name}: tkesim exited ${r.status}\n`);
    continue;
  }
  const check = spawnSync(process.execPath, [BIN, 'replay', `sessions/${name}.journal.jsonl`], { cwd: ROOT, env, encoding: 'utf8' });
  process.stdout.write(`  ${check.stdout.trim().split('\n').pop() ?? ''}\n`);
  if (check.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
