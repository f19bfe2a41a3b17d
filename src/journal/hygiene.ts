/**
 * Ceremony hygiene, checked after every command: a threshold of 1 where the lesson asks for dual
 * control, stored keys made unreadable, one password protecting two custodians' files, and a signer
 * who also holds a key part. Passwords are compared by a keyed hash held only in memory for the
 * lesson attempt (a report compares a journal's secret slots instead); they are never stored.
 * Shared by the lessons and the review; works on worlds and on their public views alike.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { decryptableKeys } from '../core/key-storage.ts';
import type { CryptoUnit, World } from '../core/types.ts';
import { SIGNER_PART } from './scoring.ts';

/** Which master key a register holds: its key, or in a public view its verification pattern. */
const masterKeyOf = (r: CryptoUnit['currentRegister']): string | null => r.key ?? r.vp ?? null;

const unitList = (nums: readonly number[]) => `${nums.length === 1 ? 'unit' : 'units'} ${nums.join(', ')}`;

/** Breaches between two worlds (units matched by id, numbered as in `after`), one per kind. */
export function worldBreaches(before: World, after: World, dualControl: boolean): string[] {
  const single: number[] = [];
  const unreadable: number[] = [];
  const old = new Map(before.units.map((u) => [u.id, u]));
  const one = (u: CryptoUnit) => u.signatureThreshold === 1 || u.revocationThreshold === 1;
  after.units.forEach((unit, i) => {
    const was = old.get(unit.id);
    if (!was || was === unit) return;
    if (dualControl && one(unit) && !one(was)) single.push(i + 1);
    if (unit.keyStorage.total > 0 && masterKeyOf(was.currentRegister) !== masterKeyOf(unit.currentRegister) && decryptableKeys(unit) < decryptableKeys(was)) unreadable.push(i + 1);
  });
  return [
    ...(single.length ? [`a threshold of 1 on ${unitList(single)}, where the lesson asks for dual control`] : []),
    ...(unreadable.length ? [`stored keys became unreadable on ${unitList(unreadable)}: the master key changed without re-enciphering`] : []),
  ];
}

/** The workstation's files, as `sigkeys` and `mks` list them (no secret). */
export interface WorkstationFiles {
  readonly signatureKeys: readonly { readonly name: string }[];
  readonly keyParts: readonly { readonly description: string }[];
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Separated duties: a key part whose description names the owner of a signature key (as a whole
 * word) means one person both signs commands and holds part of the master key. One breach per person.
 */
export function signerPartBreaches(files: WorkstationFiles): string[] {
  const out: string[] = [];
  for (const key of files.signatureKeys) {
    const name = key.name.trim();
    if (name.length < 2) continue;
    const word = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegex(name)}($|[^\\p{L}\\p{N}])`, 'iu');
    const part = files.keyParts.find((p) => word.test(p.description));
    if (part) out.push(`${SIGNER_PART}: ${name} has a signature key and the key part "${part.description}"`);
  }
  return out;
}

/** Remembers which file each password protects, as a keyed hash, for one lesson attempt. */
export class PasswordLedger {
  readonly #key = randomBytes(32);
  readonly #owners = new Map<string, string>();

  fingerprint(password: string): string {
    return createHmac('sha256', this.#key).update(password, 'utf8').digest('hex');
  }

  /** Records that `owner` (a file) is protected by the password of `fingerprint`; returns a breach when another file already is. */
  record(fingerprint: string, owner: string): string | null {
    const other = this.#owners.get(fingerprint);
    if (other === undefined) {
      this.#owners.set(fingerprint, owner);
      return null;
    }
    return other === owner ? null : `the same password protects ${other} and ${owner}`;
  }
}
