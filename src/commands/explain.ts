/**
 * What tkesim adds after a command whose effect the real CLI leaves unsaid: stored keys that can no
 * longer be decrypted, and why. The reference warns about these paths; here the trainee sees the loss.
 */
import { decryptableKeys, recoverableKeys, recoverableMask } from '../core/key-storage.ts';
import type { CryptoUnit, World } from '../core/types.ts';
import { unitNumber } from '../core/world.ts';
import { explanationsOn } from '../render/index.ts';

export type LossCause = 'setimm' | 'auto-rotate-rerun' | 'auto-init-after-zeroize' | 'zeroize' | 'clrcur' | 'recover-overwrite';

const WHY: Readonly<Record<LossCause, string>> = {
  setimm: 'Set immediate activated a master key that key storage was not (fully) re-enciphered for, so keys still encrypted under the previous master key are lost. After an interrupted rotation, rerun cryptounit-mk-rotate instead: it finishes the re-encryption before it promotes the new key.',
  'auto-rotate-rerun': 'An interrupted rotation had already re-enciphered them under the master key in the new registers (its output showed "Delaying 30 seconds to allow server to discover new master key values"). Running auto-mk-rotate again replaced that value with a fresh random one, so no crypto unit holds the key they are encrypted under any more. After that message the documented recovery is cryptounit-mk-rotate, which keeps the value in the new registers.',
  'auto-init-after-zeroize': 'The crypto units were zeroized while their key storage held data, and auto-init loaded a new random master key, so the keys stay encrypted under a master key that no crypto unit holds any more. Never zeroize crypto units whose key storage holds data.',
  zeroize: 'Zeroizing cleared the master key registers. The keys can be decrypted again only after the same master key is loaded again: the same key parts, or auto-mk-recover from a recovery crypto unit that holds it.',
  clrcur: 'The current master key register was cleared. The keys can be decrypted again only after the same master key is activated again: auto-mk-recover from a recovery crypto unit that holds it, or the same key parts loaded, committed and set immediate.',
  'recover-overwrite': 'A target crypto unit held a different current master key; it now holds the recovery crypto unit\'s value, so keys encrypted under its previous master key cannot be decrypted.',
};

export interface Loss {
  readonly unit: CryptoUnit;
  /** Stored keys this unit can no longer decrypt because of the command. */
  readonly lost: number;
}

/** Per unit, stored keys that opened (under the current or new register) before and do not after. */
export function keysLost(before: readonly CryptoUnit[], after: readonly CryptoUnit[]): Loss[] {
  return after
    .map((a) => {
      const b = before.find((u) => u.id === a.id);
      if (!b) return { unit: a, lost: 0 };
      const was = recoverableMask(b);
      return { unit: a, lost: recoverableMask(a).filter((ok, i) => !ok && was[i] === true).length };
    })
    .filter((l) => l.lost > 0);
}

/** Per unit, stored keys that open under neither register. */
export function keysUnreadable(units: readonly CryptoUnit[]): Loss[] {
  return units.map((u) => ({ unit: u, lost: u.keyStorage.total - recoverableKeys(u) })).filter((l) => l.lost > 0);
}

/** A note for the output, starting with a newline, or '' when nothing was lost or TKESIM_EXPLAIN=0. */
export function lossNote(env: NodeJS.ProcessEnv, world: World, losses: readonly Loss[], cause: LossCause): string {
  if (losses.length === 0 || !explanationsOn(env)) return '';
  const where = losses.map((l) => `${l.lost} of ${l.unit.keyStorage.total} in crypto unit ${unitNumber(world, l.unit.id)}`).join(', ');
  return `\nNote (tkesim): stored keys can no longer be decrypted: ${where}. ${WHY[cause]}`;
}

/**
 * Before set immediate: how many stored keys it would make unreadable (it does not re-encipher key
 * storage), per unit, and what keeps them. Empty when none would be lost or explanations are off.
 */
export function setimmRiskNote(env: NodeJS.ProcessEnv, world: World, targets: readonly CryptoUnit[]): string {
  if (!explanationsOn(env)) return '';
  const atRisk = targets
    .filter((u) => u.newRegister.state === 'Full Committed' && u.currentRegister.state === 'Valid' && u.keyStorage.total > 0)
    .map((u) => ({ unit: u, keys: decryptableKeys(u) }))
    .filter((r) => r.keys > 0);
  if (atRisk.length === 0) return '';
  const total = atRisk.reduce((n, r) => n + r.keys, 0);
  const where = atRisk.map((r) => `${r.keys} in crypto unit ${unitNumber(world, r.unit.id)}`).join(', ');
  return `tkesim: this would make ${total} stored key${total === 1 ? '' : 's'} unreadable (${where}): set immediate does not re-encipher key storage. cryptounit-mk-rotate keeps them readable.`;
}
