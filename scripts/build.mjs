// Bundles src/cli.ts into dist/tkesim.js (ESM, production React), with native node-pty left external.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/tkesim.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: false,
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
