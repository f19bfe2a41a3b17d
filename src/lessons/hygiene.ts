/**
 * Ceremony hygiene, checked after every command: a threshold of 1 where the lesson asks for dual
 * control, stored keys made unreadable, and one password protecting two custodians' files. Passwords
 * are compared by a keyed hash held only in memory for the lesson attempt; they are never stored.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { decryptableKeys } from '../core/key-storage.ts';
import type { CryptoUnit, World } from '../core/types.ts';

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
    if (unit.keyStorage.total > 0 && was.currentRegister.key !== unit.currentRegister.key && decryptableKeys(unit) < decryptableKeys(was)) unreadable.push(i + 1);
  });
  return [
    ...(single.length ? [`a threshold of 1 on ${unitList(single)}, where the lesson asks for dual control`] : []),
    ...(unreadable.length ? [`stored keys became unreadable on ${unitList(unreadable)}: the master key changed without re-enciphering`] : []),
  ];
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
