/** The ceremony scripts shipped in sessions/ceremonies/, found beside the program, and naming a script by file or by name. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCRIPT_EXTENSION = '.yaml';

/** sessions/ceremonies of this installation: found from where this code runs (src/ceremony, dist, dist/chunks). */
export function shippedDir(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'sessions', 'ceremonies');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return null;
}

export function shippedScripts(): string[] {
  const dir = shippedDir();
  if (!dir) return [];
  return readdirSync(dir).filter((f) => f.endsWith(SCRIPT_EXTENSION)).sort().map((f) => join(dir, f));
}

/** A path to a script file, or the name of a shipped one ("key-part-init"); null when neither exists. */
export function findScript(name: string): string | null {
  const asPath = resolve(name);
  if (existsSync(asPath) && statSync(asPath).isFile()) return asPath;
  const bare = basename(name).replace(/\.ya?ml$/, '');
  return shippedScripts().find((f) => basename(f, SCRIPT_EXTENSION) === bare) ?? null;
}

/** The script's id: its file name without the extension. */
export const scriptId = (file: string): string => basename(file).replace(/\.ya?ml$/, '');
