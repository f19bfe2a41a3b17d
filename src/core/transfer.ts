/**
 * Moving a master key between crypto units (reference 1.3): a recovery unit generates a random
 * value, or exports a register's value sealed to the target unit's importer key; the target takes
 * it with `mk-load`, then commits and activates it. The value never leaves a unit in clear.
 */
import type { MasterKeyRegister, UnitCommand } from './command.ts';
import { KEY_BYTES, NONCE_BYTES, fromHex, sealTo, toHex } from './crypto.ts';
import { refusal, type Refusal } from './refusal.ts';
import type { CryptoUnit, Entropy } from './types.ts';

/** A master key sealed to one unit's importer key (hex): safe to carry through the workstation. */
export interface SealedKey {
  readonly sender: string;
  readonly nonce: string;
  readonly box: string;
}

/** What a unit hands back besides its new state. */
export type UnitOutput = { readonly kind: 'exported'; readonly sealed: SealedKey };

type Random = Extract<UnitCommand, { kind: 'mk-random' }>;
type Export = Extract<UnitCommand, { kind: 'mk-export' }>;

const HEX64 = /^[0-9a-f]{64}$/;

function registerKey(unit: CryptoUnit, register: MasterKeyRegister): string | null {
  return register === 'current' ? unit.currentRegister.key : unit.newRegister.key;
}

/** The domain permissions and register checks of a random generation or an export. */
export function validateTransfer(unit: CryptoUnit, command: Random | Export): Refusal | null {
  switch (command.kind) {
    case 'mk-random':
      if (unit.type !== 'RECOVERY') return refusal('RANDOM_MK_NOT_PERMITTED');
      return unit.currentRegister.state === 'Empty' || unit.newRegister.state === 'Empty' ? null : refusal('REGISTERS_FULL');
    case 'mk-export':
      if (unit.type !== 'RECOVERY') return refusal('MK_EXPORT_NOT_PERMITTED');
      if (!HEX64.test(command.recipient)) return refusal('INVALID_IMPORTER_KEY');
      if (registerKey(unit, command.register) !== null) return null;
      return refusal(command.register === 'current' ? 'CURRENT_REGISTER_EMPTY' : 'NEW_REGISTER_EMPTY');
  }
}

/** A random value into the current register when it is Empty (auto-init), else into the new register (auto-mk-rotate). */
export function generateMasterKey(unit: CryptoUnit, entropy: Entropy): CryptoUnit {
  const key = toHex(entropy(KEY_BYTES));
  return unit.currentRegister.state === 'Empty'
    ? { ...unit, currentRegister: { state: 'Valid', key } }
    : { ...unit, newRegister: { state: 'Full Uncommitted', key } };
}

/** Seals the register's value to the recipient's importer key with a one-time sender key. */
export function exportMasterKey(unit: CryptoUnit, command: Export, entropy: Entropy): SealedKey {
  const key = registerKey(unit, command.register);
  if (key === null) throw new Error('exportMasterKey: the register is empty (validateTransfer refuses this)');
  const nonce = entropy(NONCE_BYTES);
  const sealed = sealTo(fromHex(key), fromHex(command.recipient), entropy(KEY_BYTES), nonce);
  return { sender: toHex(sealed.sender), nonce: toHex(nonce), box: toHex(sealed.box) };
}

/** The import half of a transfer: the target loads the sealed value into its new register. */
export function importCommand(sealed: SealedKey): UnitCommand {
  return { kind: 'mk-load', sender: sealed.sender, nonce: sealed.nonce, box: sealed.box };
}
