/** The simulated cloud: service instances and the crypto units (HSM domains) they own. */

export type UnitType = 'OPERATIONAL' | 'RECOVERY' | 'FAILOVER';
export type NewRegisterState = 'Empty' | 'Full Uncommitted' | 'Full Committed';
export type CurrentRegisterState = 'Empty' | 'Valid';
export type ControlPoint = 'XCP_CPB_ALG_EC_25519' | 'XCP_CPB_BTC' | 'XCP_CPB_ECDSA_OTHER';
export const CONTROL_POINTS: readonly ControlPoint[] = ['XCP_CPB_ALG_EC_25519', 'XCP_CPB_BTC', 'XCP_CPB_ECDSA_OTHER'];

/** An installed administrator: the certificate the unit keeps (name and Ed25519 public key). */
export interface Admin {
  readonly name: string;
  /** SHA-256 of the 32-byte public key, 64 lower-case hex digits. */
  readonly ski: string;
  /** 32-byte Ed25519 public key, hex. */
  readonly publicKey: string;
}

/**
 * A master key register. `key` is the 32-byte value in hex: it lives only in the unit's own storage.
 * In a public view (see public-view.ts) `key` is null and `vp` carries the verification pattern.
 */
export interface NewRegister {
  readonly state: NewRegisterState;
  readonly key: string | null;
  readonly vp?: string;
}
export interface CurrentRegister {
  readonly state: CurrentRegisterState;
  readonly key: string | null;
  readonly vp?: string;
}

/** Simulated KMS keys held by a unit, each sealed under the unit's master key. */
export interface KeyStorage {
  readonly total: number;
  /** base64 of `total` sealed records of KEY_RECORD_BYTES each, in key order. */
  readonly sealed: string;
  /** In a public view only (`sealed` is then empty): how many keys opened under the current master key. */
  readonly readable?: number;
}

/**
 * The domain's attribute control bits for its thresholds (EP11 XCP_ADMP_CHG_SIGN_THR and
 * XCP_ADMP_CHG_REVOKE_THR): true (set) lets that threshold change. TKE plug-ins up to 0.0.11 reset
 * them, locking units to thresholds of 1; only a zeroize sets them again (reference 4.4, 209/71).
 */
export interface ThresholdControlBits {
  readonly signature: boolean;
  readonly revocation: boolean;
}

export interface CryptoUnit {
  /** Stable identity (the HSM domain id); the CRYPTO UNIT NUM is derived from the world's order. */
  readonly id: string;
  readonly instanceId: string;
  readonly type: UnitType;
  readonly location: string;
  readonly admins: readonly Admin[];
  readonly signatureThreshold: number;
  readonly revocationThreshold: number;
  readonly newRegister: NewRegister;
  readonly currentRegister: CurrentRegister;
  readonly controlPoints: Readonly<Record<ControlPoint, boolean>>;
  /** Transaction counter: bound into every signed command, advanced by every accepted one. */
  readonly counter: number;
  /** The unit's importer key pair (Curve25519), hex: key parts reach the unit sealed to it. */
  readonly importer: { readonly publicKey: string; readonly secretKey: string };
  readonly keyStorage: KeyStorage;
  /** Absent (as in documents written before it existed): both bits set. */
  readonly thresholdControlBits?: ThresholdControlBits;
}

export interface ServiceInstance {
  readonly id: string;
  readonly name: string;
  readonly region: string;
}

/** The shape a world was provisioned with (sim init), kept so that sim reset can provision it again. */
export interface WorldShape {
  readonly instances: number;
  readonly units: 2 | 3;
  readonly recovery: 0 | 2;
  readonly failover: 0 | 2 | 3;
  readonly region: string;
}

/** Where a rotation armed with `sim fault` stops: before or after the "KMS CRK rewrap successful" message. */
export type Interruption = 'before-rewrap' | 'after-rewrap';

/**
 * Drill state set by `tkesim sim fault` (not part of the real system): an expired IBM Cloud login,
 * an interruption armed for the next rotation, and a user without the Manager service access role.
 * Absent in older documents: no fault.
 */
export interface FaultState {
  readonly loginExpired: boolean;
  readonly interruption: Interruption | null;
  /** The user holds Crypto unit administrator but not Manager (absent in older documents: false). */
  readonly managerRoleMissing?: boolean;
}

export interface World {
  readonly shape: WorldShape;
  readonly region: string;
  readonly account: { readonly name: string; readonly id: string };
  readonly user: string;
  readonly resourceGroup: string;
  /** Set when the world was provisioned from a seed: every random value is then reproducible. */
  readonly seed: string | null;
  /** How many random draws the seeded generator has served. */
  readonly draws: number;
  readonly instances: readonly ServiceInstance[];
  /** In instance order; the CRYPTO UNIT NUM of a unit is its index here plus one. */
  readonly units: readonly CryptoUnit[];
  readonly faults?: FaultState;
}

/** Entropy is passed in: core never makes its own randomness. */
export type Entropy = (bytes: number) => Uint8Array;
