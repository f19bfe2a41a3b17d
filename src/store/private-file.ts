/**
 * The store's file on disk, readable by its owner only: lowdb's adapter for world.json. Written
 * atomically (a temporary file made with mode 0600, synced, then renamed over the document), in a
 * directory of mode 0700. A document found readable by others is tightened on the next write, and
 * the store says so once (see `WorldStore.takeNotices`).
 */
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { chmod, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** Creates a directory (and its parents) for private files; tightens it when it exists loosely. */
export function ensurePrivateDir(dir: string): boolean {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  const st = statSync(dir);
  const mode = st.mode & 0o777;
  // A directory of someone else's (or a sticky shared one such as /tmp) is left as it is.
  if ((mode & 0o077) === 0 || (st.mode & 0o1000) !== 0 || st.uid !== process.getuid?.()) return false;
  try {
    chmodSync(dir, mode & ~0o077);
    return true;
  } catch {
    return false;
  }
}

function looseMode(path: string): number | null {
  try {
    const mode = statSync(path).mode & 0o777;
    return (mode & 0o077) !== 0 ? mode : null;
  } catch {
    return null;
  }
}

export class PrivateTextFile<T> implements Adapter<T | null> {
  #notices: string[] = [];

  constructor(
    readonly file: string,
    private readonly codec: { readonly parse: (text: string) => T; readonly stringify: (data: T) => string },
  ) {}

  /** Lines to show the user once (a file that was tightened). */
  takeNotices(): string[] {
    const out = this.#notices;
    this.#notices = [];
    return out;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if (e instanceof Error && 'code' in e && e.code === 'ENOENT') return null;
      throw e;
    }
    return this.codec.parse(text);
  }

  async write(data: T | null): Promise<void> {
    if (data === null) return;
    const loose = looseMode(this.file);
    if (ensurePrivateDir(dirname(this.file))) this.#notices.push(`tkesim: ${dirname(this.file)} was readable by other users; it is now readable by its owner only (mode 700).`);
    // One temporary name: writes happen under the store's lock, and a write killed half-way leaves
    // only this file, which the next write replaces.
    const temp = join(dirname(this.file), `.${basename(this.file)}.tmp`);
    const handle = await open(temp, 'w', PRIVATE_FILE);
    try {
      await handle.writeFile(this.codec.stringify(data), 'utf8');
      await handle.chmod(PRIVATE_FILE);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.file);
    } catch (e) {
      await unlink(temp).catch(() => undefined);
      throw e;
    }
    await chmod(this.file, PRIVATE_FILE);
    if (loose !== null) this.#notices.push(`tkesim: ${this.file} was readable by other users (mode ${loose.toString(8)}); it is now readable by its owner only (mode 600).`);
  }
}
