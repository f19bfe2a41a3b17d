/**
 * The exported page's player as one script. In the built tkesim the build replaces this module with
 * the bundled player (scripts/build.mjs), so nothing is bundled at run time; run from the sources
 * (tests, tsx), it bundles src/review/page/player.ts with esbuild, a development dependency.
 */
import { fileURLToPath } from 'node:url';

/** esbuild options for the player: one browser script, no imports, no comments (scripts/build.mjs uses the same). */
export const PLAYER_BUILD = { bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2020', minify: true, legalComments: 'none' } as const;

export async function playerCode(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({ ...PLAYER_BUILD, entryPoints: [fileURLToPath(new URL('./player.ts', import.meta.url))] });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error('the page player did not build');
  return code;
}
