/** The pre-checks of cryptounit-mk-rotate and auto-mk-rotate (reference sections 2.4, 4.2 and 4.4). */
import { inImprintMode } from './signature-rules.ts';
import { registerVp } from './unit.ts';
import type { CryptoUnit, World } from './types.ts';

export type RotationProblem =
  | 'invalid-selection'
  | 'imprint-mode'
  | 'thresholds-differ'
  | 'no-common-admins'
  | 'current-registers'
  | 'new-registers'
  | 'no-recovery-units';

/** Key parts: the new registers are loaded and committed first. Recovery: auto-mk-rotate makes the new value itself. */
export type RotationMode = 'key parts' | 'recovery';

export const ROTATION_PROBLEMS: Readonly<Record<RotationProblem, string>> = {
  'invalid-selection': 'An invalid set of crypto units is selected: select every operational and failover crypto unit of exactly one service instance.',
  'imprint-mode': 'One or more of the selected crypto units are in imprint mode.',
  'thresholds-differ': 'The signature thresholds of the selected crypto units are not all the same.',
  'no-common-admins': 'The selected signature keys do not include a common set of installed administrators large enough for the signature threshold.',
  'current-registers': 'The current master key registers are not all Valid with the same verification pattern.',
  'new-registers': 'The new master key registers are not all Full Committed with the same verification pattern.',
  'no-recovery-units': 'The service instance has no recovery crypto unit to generate the new master key (none exist in eu-es): rotate with key parts instead (cryptounit-mk-load, cryptounit-mk-commit, cryptounit-mk-rotate).',
};

/**
 * The first pre-check that fails, or null when rotation may proceed. With recovery units
 * (auto-mk-rotate) every unit of the instance takes part, recovery units included, and the new
 * registers are not checked: auto-mk-rotate overwrites them with a fresh random value.
 */
export function rotationProblem(world: World, selected: readonly CryptoUnit[], selectedSkis: readonly string[], mode: RotationMode = 'key parts'): RotationProblem | null {
  const instances = new Set(selected.map((u) => u.instanceId));
  const [instanceId] = instances;
  if (instances.size !== 1 || instanceId === undefined) return 'invalid-selection';
  const required = world.units.filter((u) => u.instanceId === instanceId && (mode === 'recovery' || u.type !== 'RECOVERY'));
  if (required.some((r) => !selected.some((s) => s.id === r.id))) return 'invalid-selection';
  if (mode === 'recovery' && !selected.some((u) => u.type === 'RECOVERY')) return 'no-recovery-units';
  if (selected.some(inImprintMode)) return 'imprint-mode';
  if (new Set(selected.map((u) => u.signatureThreshold)).size !== 1) return 'thresholds-differ';
  const common = selectedSkis.filter((ski) => selected.every((u) => u.admins.some((a) => a.ski === ski)));
  if (common.length < Math.max(1, ...selected.map((u) => u.signatureThreshold))) return 'no-common-admins';
  const cur = new Set(selected.map((u) => `${u.currentRegister.state}:${registerVp(u.currentRegister.key)}`));
  if (cur.size !== 1 || selected[0]?.currentRegister.state !== 'Valid') return 'current-registers';
  if (mode === 'recovery') return null;
  const nw = new Set(selected.map((u) => `${u.newRegister.state}:${registerVp(u.newRegister.key)}`));
  if (nw.size !== 1 || selected[0]?.newRegister.state !== 'Full Committed') return 'new-registers';
  return null;
}
