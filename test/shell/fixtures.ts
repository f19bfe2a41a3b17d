/** Test worlds for the shell: provisioned deterministically, then edited field by field. */
import { seededBytes, toHex } from '../../src/core/crypto.ts';
import { addKeys, newKeyValues } from '../../src/core/key-storage.ts';
import type { Admin, CryptoUnit, Entropy, World } from '../../src/core/types.ts';
import { DEFAULT_PROVISION, provisionWorld, type ProvisionOptions } from '../../src/core/world.ts';

export function entropyFrom(seed: string): Entropy {
  let draw = 0;
  return (bytes) => seededBytes(seed, draw++, bytes);
}

/** Two operational and two recovery units in one instance, all in imprint mode, as on first use. */
export function testWorld(options: Partial<ProvisionOptions> = {}, seed = 'shell-tests'): World {
  return provisionWorld({ ...DEFAULT_PROVISION, ...options }, entropyFrom(seed));
}

export function admin(name: string): Admin {
  return { name, ski: toHex(seededBytes(`ski:${name}`, 0, 32)), publicKey: toHex(seededBytes(`pk:${name}`, 0, 32)) };
}

/** A master key value (64 hex digits) derived from a label. */
export function masterKey(label: string): string {
  return toHex(seededBytes(`mk:${label}`, 0, 32));
}

export function unitAt(world: World, index: number): CryptoUnit {
  const unit = world.units[index];
  if (!unit) throw new Error(`no unit at index ${index}`);
  return unit;
}

/** A copy of the world with the unit at `index` changed. */
export function editUnit(world: World, index: number, change: (u: CryptoUnit) => CryptoUnit): World {
  return { ...world, units: world.units.map((u, i) => (i === index ? change(u) : u)) };
}

export function editUnits(world: World, indexes: readonly number[], change: (u: CryptoUnit) => CryptoUnit): World {
  return indexes.reduce((w, i) => editUnit(w, i, change), world);
}

export const withAdmins = (...names: string[]) => (u: CryptoUnit): CryptoUnit => ({ ...u, admins: names.map(admin) });
export const withThresholds = (sig: number, rev: number) => (u: CryptoUnit): CryptoUnit => ({ ...u, signatureThreshold: sig, revocationThreshold: rev });
export const withNew = (state: CryptoUnit['newRegister']['state'], key: string | null) => (u: CryptoUnit): CryptoUnit => ({ ...u, newRegister: { state, key } });
export const withCurrent = (state: CryptoUnit['currentRegister']['state'], key: string | null) => (u: CryptoUnit): CryptoUnit => ({ ...u, currentRegister: { state, key } });

/** Adds `count` real sealed keys under the unit's current master key. */
export const withKeys = (count: number, seed = 'kms') => (u: CryptoUnit): CryptoUnit => {
  const result = addKeys(u, newKeyValues(count, entropyFrom(seed)));
  if (!result.ok) throw new Error(result.refusal.code);
  return result.unit;
};

/** Both operational units secured 2/2 by Alice, Bob and Carol, current Valid under `mk`, new Empty. */
export function initializedWorld(mk = masterKey('first')): World {
  return editUnits(testWorld(), [0, 1], (u) =>
    withCurrent('Valid', mk)(withThresholds(2, 2)(withAdmins('Alice', 'Bob', 'Carol')(u))),
  );
}
