// Bundles src/cli.ts into dist/tkesim.js (ESM, production React), the shell in a lazily loaded chunk;
// native node-pty stays external.
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

const result = await build({
  metafile: true,
  entryPoints: { tkesim: 'src/cli.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // One-shot commands load only the main chunk; the Ink shell lives in its own chunk.
  splitting: true,
  minify: false,
  legalComments: 'none',
  external: ['node-pty', 'react-devtools-core'],
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.TKESIM_VERSION': JSON.stringify(pkg.version) },
  banner: {
    // A small young generation keeps the interactive shell's resident memory low (npm run bench).
    js: "#!/usr/bin/env -S node --max-semi-space-size=1\nimport { createRequire as __tkesimCreateRequire } from 'node:module';\nconst require = __tkesimCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  plugins: [playerPlugin],
});
chmodSync('dist/tkesim.js', 0o755);

// Remove chunks of earlier builds (files are replaced in place, so a running tkesim is never left
// without its files in the middle of a build).
const outputs = new Set(Object.keys(result.metafile.outputs).map((p) => resolve(p)));
if (existsSync('dist/chunks')) {
  for (const f of readdirSync('dist/chunks')) {
    const p = resolve('dist/chunks', f);
    if (!outputs.has(p)) rmSync(p, { force: true });
  }
}
