/**
 * The simulated cloud on disk: one lowdb document in TKESIM_HOME, written atomically (temp file and
 * rename). Every change is a read-modify-write under a cross-process lock, so two tkesim processes
 * on one home never lose each other's updates.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { World } from '../core/types.ts';
import { SCHEMA_VERSION, StoreError, parseDocument, stringifyDocument, type StoreDocument } from './codec.ts';
import { withLock } from './lock.ts';

export { StoreError, SCHEMA_VERSION, type StoreDocument };

export const STORE_FILE = 'world.json';

export interface Update<T> {
  /** The world to write, or null to write nothing (a refusal leaves the store as it was). */
  readonly world: World | null;
  readonly result: T;
}

export class WorldStore {
  readonly file: string;
  readonly #db: Low<StoreDocument | null>;

  constructor(readonly home: string) {
    this.file = join(home, STORE_FILE);
    const file = this.file;
    this.#db = new Low<StoreDocument | null>(
      new DataFile<StoreDocument | null>(file, {
        parse: (text) => parseDocument(text, file),
        stringify: (doc) => (doc ? stringifyDocument(doc) : ''),
      }),
      null,
    );
  }

  /** The stored document, or null when no world has been provisioned yet. */
  async read(): Promise<StoreDocument | null> {
    await this.#db.read();
    return this.#db.data;
  }

  /** Reads the latest document under the lock, lets `fn` decide, and writes its world if any. */
  async update<T>(fn: (current: StoreDocument | null) => Update<T> | Promise<Update<T>>): Promise<T> {
    mkdirSync(this.home, { recursive: true, mode: 0o700 });
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
