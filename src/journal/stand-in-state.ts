/**
 * A state to continue from when a recording's own secrets are not known (a recording made on a
 * world that already held keys): the recorded public view with fresh secrets. The units keep their
 * states, admins' names, thresholds and key counts; master keys are new (so VPs differ); the
 * signature keys and key parts are new files with the same names and descriptions, protected by
 * stand-in passwords, and the units' admins are those new keys, so the copy can sign.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { standInWorld } from '../core/public-view.ts';
import type { Admin, World } from '../core/types.ts';
import { createKeyPart, createSignatureKey, listSignatureKeys, updateSelection } from '../workstation/index.ts';
import type { StateView } from './journal-format.ts';
import { readWorkstationFiles, type StateSnapshot } from './state-snapshot.ts';

export interface StandInFile {
  readonly what: string;
  readonly password: string;
}

export interface StandInState {
  readonly state: StateSnapshot;
  /** The stand-in password of each file, for the take-over greeting. */
  readonly files: readonly StandInFile[];
}

const random = (n: number): Uint8Array => new Uint8Array(randomBytes(n));

export async function standInState(view: StateView): Promise<StandInState> {
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-stand-in-'));
  try {
    const files: StandInFile[] = [];
    const admins = new Map<string, Admin>();
    for (const k of view.workstation.signatureKeys) {
      const password = `standin-key-${k.keynum}`;
      const entry = await createSignatureKey(dir, k.name, password, random);
      admins.set(k.ski, { name: k.name, ski: entry.ski, publicKey: entry.publicKey });
      files.push({ what: `signature key KEYNUM ${k.keynum} (${k.name})`, password });
    }
    for (const p of view.workstation.keyParts) {
      const password = `standin-part-${p.keynum}`;
      await createKeyPart(dir, p.description, random(32), password, random);
      files.push({ what: `key part KEYNUM ${p.keynum} (${p.description})`, password });
    }
    const keys = await listSignatureKeys(dir);
    const selectedNames = new Set(view.selection.signatureKeyNames);
    await updateSelection(dir, () => ({ units: [...view.selection.units], signatureKeys: keys.filter((k) => selectedNames.has(k.name)).map((k) => k.ski) }));
    const world: World = standInWorld(view.world, random);
    const units = world.units.map((u) => ({ ...u, admins: u.admins.map((a) => admins.get(a.ski) ?? a) }));
    return { state: { world: { ...world, units }, files: readWorkstationFiles(dir) }, files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
