/**
 * What the plain shell loads before its first frame (src/shell-main.ts, bundled apart by
 * scripts/build.mjs): a handful of modules, and none of the command code, the register panel or
 * tweetnacl, which come right after the first frame. A static import that pulls them in again
 * (the "did you mean" helper once pulled every command) makes the prompt wait for them.
 */
import test from 'ava';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT, ensureBuilt } from '../helpers/cli.ts';

/** Every module reached by static imports from `entry`, with its text. */
function staticGraph(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"|^import\s+"(\.[^"]+)"/gms)) visit(join(dirname(file), m[1] ?? m[2] ?? ''));
  };
  visit(entry);
  return seen;
}

test.before(async () => {
  await ensureBuilt();
});

test('the plain shell comes from its own bundle', (t) => {
  const main = readFileSync(join(ROOT, 'dist', 'tkesim.js'), 'utf8');
  t.true(main.includes('"./shell/shell-main.js"'));
  t.true(existsSync(join(ROOT, 'dist', 'shell', 'shell-main.js')));
});

test('the first frame loads a handful of modules, and no command code, register panel or tweetnacl', (t) => {
  const graph = new Map([...staticGraph(join(ROOT, 'dist', 'tkesim.js')), ...staticGraph(join(ROOT, 'dist', 'shell', 'shell-main.js'))]);
  t.true(graph.size <= 10, `${graph.size} modules: ${[...graph.keys()].map((f) => relative(ROOT, f)).join(', ')}`);
  const sources = [...graph.values()].flatMap((text) => [...text.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)/gm)].map((m) => m[1] ?? ''));
  t.true(sources.includes('src/shell/start.tsx'));
  t.true(sources.some((s) => s.startsWith('node_modules/ink/')));
  const early = sources.filter((s) => s.startsWith('src/commands/') || s.startsWith('node_modules/tweetnacl/') || s === 'src/shell/world-panel.tsx' || s === 'src/shell/register-panel.tsx');
  t.deepEqual(early, []);
});
