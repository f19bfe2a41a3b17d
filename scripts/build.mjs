// Bundles src/cli.ts into dist/tkesim.js (ESM, production React), the shell in a lazily loaded chunk;
// native node-pty stays external.
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync('dist', { recursive: true, force: true });
await build({
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
    js: "#!/usr/bin/env node\nimport { createRequire as __tkesimCreateRequire } from 'node:module';\nconst require = __tkesimCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync('dist/tkesim.js', 0o755);
