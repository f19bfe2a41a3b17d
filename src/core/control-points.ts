/**
 * Control points by their EP11 index (the XCP_CPB_* numbers of the EP11 headers), as
 * `cryptounit-cp` names them. tkesim models the three control points that `cryptounit-compare`
 * shows (reference 2.5); a crypto unit refuses any other index as invalid data (32).
 */
import { refusal, type Refusal } from './refusal.ts';
import type { ControlPoint, CryptoUnit } from './types.ts';

export interface ControlPointInfo {
  readonly point: ControlPoint;
  readonly index: number;
  /** What the control point enables, for help. */
  readonly enables: string;
}

export const CONTROL_POINT_INDICES: readonly ControlPointInfo[] = [
  { point: 'XCP_CPB_ALG_EC_25519', index: 55, enables: 'EdDSA signatures (curve25519 and related algorithms)' },
  { point: 'XCP_CPB_BTC', index: 66, enables: 'BIP32 (bitcoin) key derivation and other digital asset functions' },
  { point: 'XCP_CPB_ECDSA_OTHER', index: 67, enables: 'Schnorr and other non-ECDSA, non-EdDSA elliptic curve signatures' },
];

/** The control point with this index, or null when the unit has none. */
export function controlPointAt(index: number): ControlPointInfo | null {
  return CONTROL_POINT_INDICES.find((c) => c.index === index) ?? null;
}

/** The unit's answer to a query of one control point: whether it is set, or a refusal for an unknown index. */
export function queryControlPoint(unit: CryptoUnit, index: number): { readonly ok: true; readonly set: boolean } | { readonly ok: false; readonly refusal: Refusal } {
  const info = controlPointAt(index);
  return info ? { ok: true, set: unit.controlPoints[info.point] } : { ok: false, refusal: refusal('INVALID_DATA') };
}
