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
