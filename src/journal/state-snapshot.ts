/**
 * A session's whole state in memory: the simulated cloud (the store's world) and the workstation
 * directory (sealed key files and the selection). Replays keep one per step, so seeking is a
 * lookup; take-over and demo "back" write one to disk.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CryptoUnit, World } from '../core/types.ts';
import type { Paths } from '../engine/context.ts';
import { SCHEMA_VERSION, stringifyDocument } from '../store/codec.ts';
import { STORE_FILE, WorldStore } from '../store/store.ts';

export interface StateSnapshot {
  readonly world: World;
  /** Workstation files by name (no lock or temporary files). */
  readonly files: ReadonlyMap<string, Buffer>;
}

const SKIPPED = /(\.lock|\.tmp[^/]*|~)$/;

export function readWorkstationFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir).sort()) {
    if (SKIPPED.test(name) || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isFile()) files.set(name, readFileSync(p));
  }
  return files;
}

export async function captureState(paths: Paths): Promise<StateSnapshot> {
  const doc = await new WorldStore(paths.home).read();
  if (!doc) throw new Error(`no world in ${paths.home}`);
  return { world: doc.world, files: readWorkstationFiles(paths.tkeFiles) };
}

/** Writes a snapshot over a home and workstation directory (files not in it are removed). */
export function restoreState(paths: Paths, state: StateSnapshot): void {
  mkdirSync(paths.home, { recursive: true, mode: 0o700 });
  writeFileSync(join(paths.home, STORE_FILE), stringifyDocument({ schema: SCHEMA_VERSION, revision: 1, world: state.world }), { mode: 0o600 });
  mkdirSync(paths.tkeFiles, { recursive: true, mode: 0o700 });
  for (const name of readWorkstationFiles(paths.tkeFiles).keys()) if (!state.files.has(name)) rmSync(join(paths.tkeFiles, name), { force: true });
  for (const [name, bytes] of state.files) writeFileSync(join(paths.tkeFiles, name), bytes, { mode: 0o600 });
}

/**
 * The same snapshot, sharing unchanged parts with the previous one: key storage can be megabytes
 * per unit, and a long replay keeps hundreds of snapshots.
 */
export function shareWith(previous: StateSnapshot | null, next: StateSnapshot): StateSnapshot {
  if (!previous) return next;
  const before = new Map(previous.world.units.map((u) => [u.id, u]));
  const units = next.world.units.map((u): CryptoUnit => {
    const old = before.get(u.id);
    return old && old.keyStorage.sealed === u.keyStorage.sealed ? { ...u, keyStorage: old.keyStorage } : u;
  });
  const files = new Map<string, Buffer>();
  for (const [name, bytes] of next.files) {
    const old = previous.files.get(name);
    files.set(name, old && old.equals(bytes) ? old : bytes);
  }
  return { world: { ...next.world, units }, files };
}

export function filesToBase64(files: ReadonlyMap<string, Buffer>): Record<string, string> {
  return Object.fromEntries([...files].map(([name, bytes]) => [name, bytes.toString('base64')]));
}

export function filesFromBase64(files: Readonly<Record<string, string>>): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [name, b64] of Object.entries(files)) {
    if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) throw new Error(`unsafe workstation file name in the journal: ${JSON.stringify(name)}`);
    out.set(name, Buffer.from(b64, 'base64'));
  }
  return out;
}
