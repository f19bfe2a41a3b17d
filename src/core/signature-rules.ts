/** How many administrator signatures each command needs (reference section 2.3). */
import type { UnitCommand } from './command.ts';
import type { CryptoUnit } from './types.ts';

export type SignatureBasis = 'none' | 'one' | 'signature threshold' | 'revocation threshold' | 'new signature threshold';

export type SignatureRule =
  | { readonly kind: 'not-allowed' }
  | { readonly kind: 'required'; readonly count: number; readonly basis: SignatureBasis };

export function inImprintMode(unit: CryptoUnit): boolean {
  return unit.signatureThreshold === 0;
}

const none: SignatureRule = { kind: 'required', count: 0, basis: 'none' };
const one: SignatureRule = { kind: 'required', count: 1, basis: 'one' };

export function signatureRule(unit: CryptoUnit, command: UnitCommand): SignatureRule {
  const threshold: SignatureRule = { kind: 'required', count: unit.signatureThreshold, basis: 'signature threshold' };
  if (inImprintMode(unit)) {
    switch (command.kind) {
      case 'admin-add':
      case 'admin-rm':
      case 'zeroize':
        return none;
      case 'thrhld-set':
        return { kind: 'required', count: command.signatureThreshold, basis: 'new signature threshold' };
      case 'exit-impr':
        return one;
      case 'mk-load':
      case 'mk-commit':
      case 'mk-setimm':
      case 'mk-clrnew':
      case 'mk-clrcur':
      case 'cp-set':
      case 'cp-change':
      case 'mk-random':
      case 'mk-export':
        return { kind: 'not-allowed' };
    }
  }
  switch (command.kind) {
    case 'admin-add':
    case 'thrhld-set':
    case 'mk-commit':
    case 'cp-set':
    case 'cp-change':
    case 'mk-export':
      return threshold;
    case 'admin-rm':
      return { kind: 'required', count: unit.revocationThreshold, basis: 'revocation threshold' };
    case 'mk-load':
    case 'mk-setimm':
    case 'mk-clrnew':
    case 'mk-clrcur':
    case 'zeroize':
    case 'mk-random':
    case 'exit-impr':
      return one;
  }
}

/** The TKE command that sends each unit command, for sentences. */
const COMMAND_NAME: Readonly<Record<UnitCommand['kind'], string>> = {
  'admin-add': 'cryptounit-admin-add', 'admin-rm': 'cryptounit-admin-rm', 'thrhld-set': 'cryptounit-thrhld-set',
  'mk-load': 'cryptounit-mk-load', 'mk-commit': 'cryptounit-mk-commit', 'mk-setimm': 'cryptounit-mk-setimm',
  'mk-clrnew': 'cryptounit-mk-clrnew', 'mk-clrcur': 'cryptounit-mk-clrcur', zeroize: 'cryptounit-zeroize',
  'cp-set': 'cryptounit-cp-*', 'cp-change': 'cryptounit-cp', 'exit-impr': 'cryptounit-exit-impr',
  'mk-random': 'auto-init', 'mk-export': 'auto-init',
};

/**
 * Why a command needs as many signatures as it asks for, in one sentence: so that a trainee who
 * sees "1 of 1" under a threshold of 2 learns that this command needs one, not that dual control
 * is broken.
 */
export function signatureNeedSentence(unit: CryptoUnit, command: UnitCommand): string {
  const name = COMMAND_NAME[command.kind];
  const rule = signatureRule(unit, command);
  if (rule.kind === 'not-allowed') return `${name} is not allowed in imprint mode.`;
  const plural = (n: number) => `${n} signature${n === 1 ? '' : 's'}`;
  switch (rule.basis) {
    case 'none': return `${name} needs no signature in imprint mode.`;
    case 'one':
      return unit.signatureThreshold > 1
        ? `${name} needs 1 signature; commit, thresholds and admin changes need the signature threshold (${unit.signatureThreshold}).`
        : `${name} needs 1 signature.`;
    case 'signature threshold': return `${name} needs the signature threshold: ${plural(rule.count)}.`;
    case 'revocation threshold': return `Removing an administrator needs the revocation signature threshold: ${plural(rule.count)}.`;
    case 'new signature threshold': return `Leaving imprint mode needs as many signatures as the new signature threshold: ${plural(rule.count)}.`;
  }
}
