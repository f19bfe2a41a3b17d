/**
 * The simulated cloud on disk: one lowdb document in TKESIM_HOME, written atomically (temp file and
 * rename). Every change is a read-modify-write under a cross-process lock, so two tkesim processes
 * on one home never lose each other's updates.
 */
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { World } from '../core/types.ts';
import { SCHEMA_VERSION, StoreError, parseDocument, stringifyDocument, type StoreDocument } from './codec.ts';
import { withLock } from './lock.ts';
import { ensurePrivateDir, PrivateTextFile } from './private-file.ts';
import { STORE_FILE } from './store-file.ts';

export { StoreError, SCHEMA_VERSION, type StoreDocument };

export { STORE_FILE } from './store-file.ts';

export interface Update<T> {
  /** The world to write, or null to write nothing (a refusal leaves the store as it was). */
  readonly world: World | null;
  readonly result: T;
}

export class WorldStore {
  readonly file: string;
  readonly #db: Low<StoreDocument | null>;
  readonly #file: PrivateTextFile<StoreDocument>;

  constructor(readonly home: string) {
    this.file = join(home, STORE_FILE);
    const file = this.file;
    this.#file = new PrivateTextFile<StoreDocument>(file, { parse: (text) => parseDocument(text, file), stringify: stringifyDocument });
    this.#db = new Low<StoreDocument | null>(this.#file, null);
  }

  /** Lines to show the user once: a file or directory that was readable by others and was tightened. */
  takeNotices(): string[] {
    return this.#file.takeNotices();
  }

  /** The stored document, or null when no world has been provisioned yet. */
  async read(): Promise<StoreDocument | null> {
    await this.#db.read();
    return this.#db.data;
  }

  /** Reads the latest document under the lock, lets `fn` decide, and writes its world if any. */
  async update<T>(fn: (current: StoreDocument | null) => Update<T> | Promise<Update<T>>): Promise<T> {
    ensurePrivateDir(this.home);
    return withLock(`${this.file}.lock`, async () => {
      const current = await this.read();
      const { world, result } = await fn(current);
      if (world) {
        this.#db.data = { schema: SCHEMA_VERSION, revision: (current?.revision ?? 0) + 1, world };
        await this.#db.write();
      }
      return result;
    });
  }
}
