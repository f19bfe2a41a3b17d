/** Administrative commands as a crypto unit receives them, and the canonical bytes that are signed. */
import type { ControlPoint } from './types.ts';

export type UnitCommand =
  | { readonly kind: 'admin-add'; readonly name: string; readonly publicKey: string; readonly proof: string }
  | { readonly kind: 'admin-rm'; readonly ski: string }
  | { readonly kind: 'thrhld-set'; readonly signatureThreshold: number; readonly revocationThreshold: number }
  /** A master key sealed to the unit's importer key: from key parts at the workstation, or exported by a recovery unit. */
  | { readonly kind: 'mk-load'; readonly sender: string; readonly nonce: string; readonly box: string }
  | { readonly kind: 'mk-commit'; readonly vp: string }
  | { readonly kind: 'mk-setimm' }
  | { readonly kind: 'mk-clrnew' }
  | { readonly kind: 'mk-clrcur' }
  | { readonly kind: 'zeroize' }
  | { readonly kind: 'cp-set'; readonly point: ControlPoint }
  /** cryptounit-cp: sets (or resets) the control point with this EP11 index. */
  | { readonly kind: 'cp-change'; readonly index: number; readonly set: boolean }
  /** The deprecated cryptounit-exit-impr: leaves imprint mode with both thresholds at 1 (one installed admin signs). */
  | { readonly kind: 'exit-impr' }
  /** A recovery unit generates a random master key: into the current register when it is Empty, else into the new one. */
  | { readonly kind: 'mk-random' }
  /**
   * A recovery unit exports a register's value sealed to a target unit's importer key (hex). The
   * value leaves the unit only sealed; the target takes it with `mk-load`.
   */
  | { readonly kind: 'mk-export'; readonly register: MasterKeyRegister; readonly recipient: string };

export type MasterKeyRegister = 'current' | 'new';

export type UnitCommandKind = UnitCommand['kind'];

export interface Signature {
  /** SKI of the signing key, 64 hex. */
  readonly ski: string;
  /** Ed25519 signature over `signedPayload(...)`, 128 hex. */
  readonly signature: string;
}

/** What travels from the workstation to a unit: the command bound to the unit and its counter. */
export interface SignedRequest {
  readonly unitId: string;
  readonly counter: number;
  readonly command: UnitCommand;
  readonly signatures: readonly Signature[];
}

type Json = string | number | boolean | null | readonly Json[] | { readonly [k: string]: Json };

/** JSON with object keys sorted at every level: the same value always gives the same bytes. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v: Json) => canonicalJson(v)).join(',')}]`;
  const obj = value as { readonly [k: string]: Json };
  const keys = Object.keys(obj).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k] ?? null)}`).join(',')}}`;
}

function commandJson(c: UnitCommand): Json {
  switch (c.kind) {
    case 'admin-add': return { kind: c.kind, name: c.name, publicKey: c.publicKey, proof: c.proof };
    case 'admin-rm': return { kind: c.kind, ski: c.ski };
    case 'thrhld-set': return { kind: c.kind, signatureThreshold: c.signatureThreshold, revocationThreshold: c.revocationThreshold };
    case 'mk-load': return { kind: c.kind, sender: c.sender, nonce: c.nonce, box: c.box };
    case 'mk-commit': return { kind: c.kind, vp: c.vp };
    case 'cp-set': return { kind: c.kind, point: c.point };
    case 'cp-change': return { kind: c.kind, index: c.index, set: c.set };
    case 'mk-export': return { kind: c.kind, register: c.register, recipient: c.recipient };
    case 'mk-random':
    case 'mk-setimm':
    case 'mk-clrnew':
    case 'mk-clrcur':
    case 'zeroize':
    case 'exit-impr':
      return { kind: c.kind };
  }
}

const DOMAIN = 'tkesim-admin-command-v1';

/** The bytes administrators sign: the command, the target unit and that unit's transaction counter. */
export function signedPayload(command: UnitCommand, unitId: string, counter: number): Uint8Array {
  return new TextEncoder().encode(canonicalJson({ domain: DOMAIN, unitId, counter, command: commandJson(command) }));
}

/** The bytes a new administrator signs to prove it holds the private key of the certificate. */
export function adminCertificatePayload(name: string, publicKey: string, unitId: string, counter: number): Uint8Array {
  return new TextEncoder().encode(canonicalJson({ domain: 'tkesim-admin-certificate-v1', name, publicKey, unitId, counter }));
}
