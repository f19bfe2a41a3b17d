import test from 'ava';
import { chmodSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveHistory } from '../../src/shell/history-file.ts';
import { WorldStore } from '../../src/store/store.ts';
import { createContext } from '../../src/engine/context.ts';
import type { Io } from '../../src/engine/io.ts';

const mode = (p: string): number => statSync(p).mode & 0o777;

function io(): Io & { lines: string[] } {
  const lines: string[] = [];
  return { lines, print: (t) => void lines.push(t), ask: async () => null };
}

test('a fresh home is 0700 and every file the store writes is 0600, temporary files included', async (t) => {
  const home = join(mkdtempSync(join(tmpdir(), 'tkesim-modes-')), 'home');
  const ctx = createContext(io(), { TKESIM_HOME: home });
  await ctx.world();
  t.is(mode(home), 0o700);
  t.is(mode(join(home, 'world.json')), 0o600);
  // Every later write: the replaced document keeps 0600; no temporary or lock file stays behind.
  for (let i = 0; i < 3; i++) await ctx.change((w) => ({ world: { ...w, draws: w.draws + 1 }, result: null }));
  t.is(mode(join(home, 'world.json')), 0o600);
  t.deepEqual(readdirSync(home).filter((f) => f !== 'world.json' && f !== 'tkefiles'), []);
  await saveHistory(join(home, 'history'), ['cryptounits']);
  t.is(mode(join(home, 'history')), 0o600);
});

test('a world.json readable by others is tightened on the next write, with one line saying so', async (t) => {
  const home = join(mkdtempSync(join(tmpdir(), 'tkesim-modes-')), 'home');
  const out = io();
  const ctx = createContext(out, { TKESIM_HOME: home });
  await ctx.world();
  chmodSync(join(home, 'world.json'), 0o644);
  await ctx.change((w) => ({ world: { ...w, draws: w.draws + 1 }, result: null }));
  t.is(mode(join(home, 'world.json')), 0o600);
  t.is(out.lines.filter((l) => /readable by other users/.test(l)).length, 1);
  await ctx.change((w) => ({ world: { ...w, draws: w.draws + 1 }, result: null }));
  t.is(out.lines.filter((l) => /readable by other users/.test(l)).length, 1, 'said once');
  chmodSync(home, 0o755);
  await new WorldStore(home).update((doc) => ({ world: doc?.world ?? null, result: null }));
  t.is(mode(home), 0o700);
});
