import test from 'ava';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './helpers/cli.ts';

/** DESIGN.md section 4: the layers, bottom up. A folder may import its own layer's peers only as noted. */
const LAYER: Readonly<Record<string, number>> = {
  core: 0, render: 1, store: 1, workstation: 1, engine: 2, commands: 3, shell: 4, journal: 5,
  record: 6, replay: 6, demo: 6, lessons: 6, review: 6, ceremony: 6, signserv: 6, oneshot: 6, 'cli.ts': 7, 'shell-main.ts': 7,
};
const FRONT_ENDS = new Set(Object.entries(LAYER).filter(([, n]) => n === 6).map(([k]) => k));
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

const folderOf = (file: string): string => relative(SRC, file).split('/')[0] ?? '';

test('every import points down the layers; front-ends reach each other only through their index.ts', (t) => {
  const wrong: string[] = [];
  for (const file of sources(SRC)) {
    const from = folderOf(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = resolve(dirname(file), m[1] ?? '');
      const to = folderOf(target);
      if (to === from) continue;
      const a = LAYER[from];
      const b = LAYER[to];
      if (a === undefined || b === undefined) wrong.push(`${relative(ROOT, file)}: unknown folder ${from} or ${to}`);
      else if (b > a) wrong.push(`${relative(ROOT, file)} imports ${relative(ROOT, target)} (up the layers)`);
      else if (FRONT_ENDS.has(from) && FRONT_ENDS.has(to) && !target.endsWith('/index.ts')) wrong.push(`${relative(ROOT, file)} imports ${relative(ROOT, target)} (another front-end's internals)`);
    }
  }
  t.deepEqual(wrong, []);
});
