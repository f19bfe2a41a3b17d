/**
 * A world as seen from outside the crypto units: everything the panel, compare and the lessons'
 * goals read (states, verification patterns, admins, thresholds, key counts), and no secret. The
 * registers carry their VP instead of their key, key storage its readable count instead of its
 * sealed records, and the importer only its public key. This is what a recording keeps.
 *
 * A stand-in world (for continuing from a public view) has fresh secrets in the same places: the
 * same states, admins and key counts, but other master keys, and so other VPs.
 */
import { boxKeyFromSeed, KEY_BYTES, toHex } from './crypto.ts';
import { addKeys, decryptableKeys, EMPTY_KEY_STORAGE } from './key-storage.ts';
import type { CryptoUnit, Entropy, World } from './types.ts';
import { vpOf } from './unit.ts';

/** The unit without its secrets: what may leave the unit. */
export function publicUnit(unit: CryptoUnit): CryptoUnit {
  return {
    ...unit,
    newRegister: { state: unit.newRegister.state, key: null, vp: vpOf(unit.newRegister) },
    currentRegister: { state: unit.currentRegister.state, key: null, vp: vpOf(unit.currentRegister) },
    importer: { publicKey: unit.importer.publicKey, secretKey: '' },
    keyStorage: { total: unit.keyStorage.total, sealed: '', readable: decryptableKeys(unit) },
  };
}

export function publicView(world: World): World {
  return { ...world, units: world.units.map(publicUnit) };
}

/** Whether a world is a public view (it cannot run commands: its units hold no keys). */
export function isPublicView(world: World): boolean {
  return world.units.some((u) => u.newRegister.vp !== undefined || u.currentRegister.vp !== undefined || u.keyStorage.readable !== undefined);
}

/**
 * A world that can run commands, made from a public view with fresh secrets: the same master key
 * value for every unit whose VP was the same (so units configured the same stay so), and the same
 * number of stored keys, of which the same number open under the stand-in current key.
 */
export function standInWorld(view: World, entropy: Entropy): World {
  const byVp = new Map<string, string>();
  const keyFor = (register: { readonly state: string; readonly vp?: string; readonly key: string | null }): string | null => {
    if (register.state === 'Empty') return null;
    if (register.key !== null) return register.key;
    const vp = register.vp ?? '';
    let key = byVp.get(vp);
    if (!key) {
      key = toHex(entropy(KEY_BYTES));
      byVp.set(vp, key);
    }
    return key;
  };
  const units = view.units.map((u): CryptoUnit => {
    const importer = boxKeyFromSeed(entropy(KEY_BYTES));
    const current = keyFor(u.currentRegister);
    const unit: CryptoUnit = {
      ...u,
      newRegister: { state: u.newRegister.state, key: keyFor(u.newRegister) },
      currentRegister: { state: u.currentRegister.state, key: current },
      importer: { publicKey: toHex(importer.publicKey), secretKey: toHex(importer.secretKey) },
      keyStorage: EMPTY_KEY_STORAGE,
    };
    return withStandInKeys(unit, u.keyStorage.total, u.keyStorage.readable ?? u.keyStorage.total, entropy);
  });
  return { ...view, units };
}

/** `total` stored keys, `readable` of them sealed under the unit's current key and the rest under a key it does not hold. */
function withStandInKeys(unit: CryptoUnit, total: number, readable: number, entropy: Entropy): CryptoUnit {
  if (total === 0) return unit;
  const current = unit.currentRegister.key;
  const lost = toHex(entropy(KEY_BYTES));
  const under = (key: string, n: number, u: CryptoUnit): CryptoUnit => {
    if (n <= 0) return u;
    const added = addKeys({ ...u, currentRegister: { state: 'Valid', key } }, entropy(n * KEY_BYTES));
    return added.ok ? { ...added.unit, currentRegister: u.currentRegister } : u;
  };
  const good = current === null ? 0 : Math.min(readable, total);
  const withGood = current === null ? unit : under(current, good, unit);
  return under(lost, total - good, withGood);
}
