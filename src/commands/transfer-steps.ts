/**
 * Moving a master key from a recovery crypto unit to another unit inside a batch: the target's
 * importer key, the value exported sealed to it by the source, imported by the target, then
 * (when activating) committed and set immediate. Only the sealed value passes the workstation.
 */
import type { MasterKeyRegister } from '../core/command.ts';
import type { Refusal } from '../core/refusal.ts';
import { importCommand } from '../core/transfer.ts';
import type { CryptoUnit } from '../core/types.ts';
import { registerVp } from '../core/unit.ts';
import type { Batch } from '../engine/batch.ts';

export async function transferMasterKey(batch: Batch, source: CryptoUnit, target: CryptoUnit, register: MasterKeyRegister, activate: boolean): Promise<Refusal | null> {
  const recipient = batch.unit(target.id)?.importer.publicKey ?? '';
  const exported = await batch.send(source.id, () => ({ kind: 'mk-export', register, recipient }));
  if (!exported.ok) return exported.refusal;
  const output = exported.output;
  if (output?.kind !== 'exported') throw new Error('mk-export was accepted without a sealed key');
  const loaded = await batch.send(target.id, () => importCommand(output.sealed));
  if (!loaded.ok) return loaded.refusal;
  if (!activate) return null;
  return (await commitNew(batch, [target])) ?? batch.sendAll([target], () => ({ kind: 'mk-setimm' }));
}

/** Commits the new register of each unit with the verification pattern it reports. */
export function commitNew(batch: Batch, units: readonly CryptoUnit[]): Promise<Refusal | null> {
  return batch.sendAll(units, (u) => ({ kind: 'mk-commit', vp: registerVp(u.newRegister.key) }));
}
