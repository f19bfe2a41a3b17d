// Bundles src/cli.ts into dist/tkesim.js (ESM, production React), the Ink front-ends in lazily loaded
// chunks, and the plain shell apart in dist/shell/; native node-pty stays external.
import { build } from 'esbuild';
import { chmodSync, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// The exported page's player (src/review/page/player.ts), bundled for the browser once, and put in
// place of src/review/page/player-code.ts: the export carries it as a string; nothing else loads it.
const player = await build({
  entryPoints: ['src/review/page/player.ts'], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2020', minify: true, legalComments: 'none', logLevel: 'warning',
});
const playerPlugin = {
  name: 'review-page-player',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]review[\\/]page[\\/]player-code\.ts$/ }, () => ({
      contents: `export async function playerCode() { return ${JSON.stringify(player.outputFiles[0].text)}; }`,
      loader: 'js',
    }));
  },
};

/** Options shared by both bundles: ESM for node 20, production React, native node-pty external. */
const common = {
  metafile: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  minify: false,
  legalComments: 'none',
  external: ['node-pty', 'react-devtools-core'],
  banner: {
    // No V8 heap flags here: they make V8 refuse Node's cached code for its built-in modules, which
    // costs every launch about 30 ms. The shell limits its young generation at run time (idle-gc.ts).
    js: "#!/usr/bin/env node\nimport { createRequire as __tkesimCreateRequire } from 'node:module';\nconst require = __tkesimCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  plugins: [playerPlugin],
};
const define = { 'process.env.NODE_ENV': '"production"', 'process.env.TKESIM_VERSION': JSON.stringify(pkg.version) };

// Every command and front-end: one-shot commands load only the main chunk; the Ink front-ends
// live in chunks of their own.
const main = await build({
  ...common,
  entryPoints: { tkesim: 'src/cli.ts' },
  outdir: 'dist',
  define: { ...define, 'process.env.TKESIM_SHELL_BUNDLE': JSON.stringify('./shell/shell-main.js') },
});
// The plain shell on its own (src/shell-main.ts): built apart, its first frame loads a handful of
// modules rather than the many small chunks that the main bundle's entries share.
const shell = await build({ ...common, entryPoints: { 'shell-main': 'src/shell-main.ts' }, outdir: 'dist/shell', define });
chmodSync('dist/tkesim.js', 0o755);

// Remove chunks of earlier builds (files are replaced in place, so a running tkesim is never left
// without its files in the middle of a build).
const outputs = new Set([main, shell].flatMap((r) => Object.keys(r.metafile.outputs)).map((p) => resolve(p)));
for (const dir of ['dist/chunks', 'dist/shell/chunks']) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) {
    const p = resolve(dir, f);
    if (!outputs.has(p)) rmSync(p, { force: true });
  }
}
