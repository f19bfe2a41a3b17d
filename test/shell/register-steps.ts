/**
 * Worlds along a key-part ceremony and a rotation, two operational units, for the register diagram:
 * each step changes both units as the real command does (key storage re-enciphered by the core).
 */
import { reencipher } from '../../src/core/key-storage.ts';
import type { CryptoUnit, World } from '../../src/core/types.ts';
import { editUnits, masterKey, testWorld, withAdmins, withCurrent, withKeys, withNew, withThresholds } from './fixtures.ts';

export const OLD_MK = masterKey('old');
export const NEW_MK = masterKey('new');
export const KEYS = 5;

const both = (world: World, change: (u: CryptoUnit) => CryptoUnit): World => editUnits(world, [0, 1], change);

/** New -> current, new cleared: what set immediate does (and rotate, after re-enciphering). */
export const promote = (u: CryptoUnit): CryptoUnit => ({ ...u, currentRegister: { state: 'Valid', key: u.newRegister.key }, newRegister: { state: 'Empty', key: null } });
export const rewrap = (u: CryptoUnit): CryptoUnit => reencipher(u).unit;
const zeroize = (u: CryptoUnit): CryptoUnit => ({ ...u, admins: [], signatureThreshold: 0, revocationThreshold: 0, newRegister: { state: 'Empty', key: null }, currentRegister: { state: 'Empty', key: null } });

/** Two operational units (and `recovery` recovery units), secured 2/2 by Alice, Bob and Carol, both registers Empty. */
export function securedWorld(recovery: 0 | 2 = 0): World {
  return both(testWorld({ recovery }), (u) => withThresholds(2, 2)(withAdmins('Alice', 'Bob', 'Carol')(u)));
}

const secured = securedWorld();
const loaded = both(secured, withNew('Full Uncommitted', NEW_MK));
const committed = both(loaded, withNew('Full Committed', NEW_MK));
const initialized = both(secured, (u) => withKeys(KEYS)(withCurrent('Valid', OLD_MK)(u)));
const rotationCommitted = both(initialized, withNew('Full Committed', NEW_MK));

/** Each transition of the figure: the world before and after it. */
export const TRANSITIONS = {
  load: { before: secured, after: loaded },
  commit: { before: loaded, after: committed },
  setimm: { before: committed, after: both(committed, promote) },
  'setimm over stored keys': { before: rotationCommitted, after: both(rotationCommitted, promote) },
  rotate: { before: rotationCommitted, after: both(rotationCommitted, (u) => promote(rewrap(u))) },
  'interrupted rotation': { before: rotationCommitted, after: both(rotationCommitted, rewrap) },
  'clrnew (Full Uncommitted)': { before: loaded, after: secured },
  'clrnew (Full Committed)': { before: rotationCommitted, after: initialized },
  clrcur: { before: initialized, after: both(initialized, withCurrent('Empty', null)) },
  zeroize: { before: rotationCommitted, after: both(rotationCommitted, zeroize) },
} as const satisfies Record<string, { readonly before: World; readonly after: World }>;

export type TransitionName = keyof typeof TRANSITIONS;
export const STATES = { secured, loaded, committed, initialized, rotationCommitted } as const;
