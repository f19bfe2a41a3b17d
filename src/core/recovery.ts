/** The pre-checks of auto-init and auto-mk-recover (reference sections 2.4 and 7). */
import { inImprintMode } from './signature-rules.ts';
import { registerVp } from './unit.ts';
import type { CryptoUnit } from './types.ts';

export type AutoInitProblem = 'no-recovery-units' | 'not-imprint';

export const AUTO_INIT_PROBLEMS: Readonly<Record<AutoInitProblem, string>> = {
  'no-recovery-units': 'The service instance has no recovery crypto unit to generate the master key (none exist in eu-es): initialize it with key part files instead.',
  'not-imprint': 'One or more crypto units of the service instance are not in imprint mode. Check how they are configured with ibmcloud tke cryptounit-compare; if no current master key is set, zeroize them with ibmcloud tke cryptounit-zeroize and run auto-init again. Never zeroize crypto units whose key storage holds data.',
};

/** auto-init needs a recovery unit and every unit of the instance in imprint mode. */
export function autoInitProblem(units: readonly CryptoUnit[]): AutoInitProblem | null {
  if (!units.some((u) => u.type === 'RECOVERY')) return 'no-recovery-units';
  if (units.some((u) => !inImprintMode(u))) return 'not-imprint';
  return null;
}

export type RecoverProblem = 'no-source' | 'no-targets' | 'imprint-mode' | 'thresholds-differ' | 'no-common-admins' | 'new-registers';

export const RECOVER_PROBLEMS: Readonly<Record<RecoverProblem, string>> = {
  'no-source': 'No selected recovery crypto unit holds a Valid current master key: select one as the source with cryptounit-add (cryptounits shows TYPE RECOVERY).',
  'no-targets': 'No selected crypto unit needs the master key: select the crypto units to recover with cryptounit-add, together with the source recovery crypto unit.',
  'imprint-mode': 'One or more of the selected crypto units are in imprint mode: install the same administrators with cryptounit-admin-add and set the same thresholds with cryptounit-thrhld-set first.',
  'thresholds-differ': 'The signature thresholds of the source and target crypto units are not all the same.',
  'no-common-admins': 'The selected signature keys do not include a common set of administrators, installed in the source and in every target crypto unit, large enough for the signature threshold.',
  'new-registers': 'The new master key registers of the target crypto units are not all Empty: clear them with cryptounit-mk-clrnew first.',
};

export interface RecoverPlan {
  /** The recovery unit whose current master key is copied. */
  readonly source: CryptoUnit;
  /** Selected units whose current register does not hold that value. */
  readonly targets: readonly CryptoUnit[];
  /** Selected units that already hold it (left alone). */
  readonly alreadySet: readonly CryptoUnit[];
}

export type RecoverCheck = { readonly ok: true; readonly plan: RecoverPlan } | { readonly ok: false; readonly problem: RecoverProblem };

const holds = (u: CryptoUnit, vp: string): boolean => u.currentRegister.state === 'Valid' && registerVp(u.currentRegister.key) === vp;

/** What auto-mk-recover would do with this selection, or the first pre-check that fails. */
export function recoverPlan(selected: readonly CryptoUnit[], selectedSkis: readonly string[]): RecoverCheck {
  const source = selected.find((u) => u.type === 'RECOVERY' && u.currentRegister.state === 'Valid');
  if (!source) return { ok: false, problem: 'no-source' };
  const vp = registerVp(source.currentRegister.key);
  const others = selected.filter((u) => u.id !== source.id);
  const targets = others.filter((u) => !holds(u, vp));
  if (targets.length === 0) return { ok: false, problem: 'no-targets' };
  const involved = [source, ...targets];
  if (involved.some(inImprintMode)) return { ok: false, problem: 'imprint-mode' };
  if (new Set(involved.map((u) => u.signatureThreshold)).size !== 1) return { ok: false, problem: 'thresholds-differ' };
  const common = selectedSkis.filter((ski) => involved.every((u) => u.admins.some((a) => a.ski === ski)));
  if (common.length < source.signatureThreshold) return { ok: false, problem: 'no-common-admins' };
  if (targets.some((u) => u.newRegister.state !== 'Empty')) return { ok: false, problem: 'new-registers' };
  return { ok: true, plan: { source, targets, alreadySet: others.filter((u) => holds(u, vp)) } };
}
