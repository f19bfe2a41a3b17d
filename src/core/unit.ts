/** A crypto unit deciding one signed request: verify, validate, transition. Pure. */
import { adminCertificatePayload, signedPayload, type SignedRequest, type UnitCommand } from './command.ts';
import { EMPTY_VP, fromHex, openFrom, subjectKeyIdentifier, verificationPattern, verify, KEY_BYTES } from './crypto.ts';
import { controlPointAt } from './control-points.ts';
import { refusal, type Refusal } from './refusal.ts';
import { signatureRule } from './signature-rules.ts';
import { exportMasterKey, generateMasterKey, validateTransfer, type UnitOutput } from './transfer.ts';
import type { Admin, CryptoUnit, Entropy } from './types.ts';

export const MAX_ADMINS = 8;
export const MAX_THRESHOLD = 8;
export const MAX_ADMIN_NAME = 30;

export type UnitResult =
  | { readonly ok: true; readonly unit: CryptoUnit; readonly output?: UnitOutput }
  | { readonly ok: false; readonly refusal: Refusal };

const refuse = (r: Refusal): UnitResult => ({ ok: false, refusal: r });

const HEX64 = /^[0-9a-f]{64}$/;
const HEX128 = /^[0-9a-f]{128}$/;

/** Counts distinct administrators whose signature verifies, or returns the refusal for a bad one. */
function checkSignatures(unit: CryptoUnit, request: SignedRequest): number | Refusal {
  const payload = signedPayload(request.command, request.unitId, request.counter);
  const valid = new Set<string>();
  for (const s of request.signatures) {
    if (!HEX64.test(s.ski) || !HEX128.test(s.signature)) return refusal('MALFORMED_SIGNATURE');
    const admin = unit.admins.find((a) => a.ski === s.ski);
    if (!admin) return refusal('NOT_AN_ADMIN');
    if (!verify(payload, fromHex(s.signature), fromHex(admin.publicKey))) return refusal('INVALID_SIGNATURE');
    valid.add(admin.ski);
  }
  return valid.size;
}

export function registerVp(key: string | null): string {
  return key === null ? EMPTY_VP : verificationPattern(fromHex(key));
}

/** The verification pattern a register shows: its key's, or the one a public view carries. */
export function vpOf(register: { readonly key: string | null; readonly vp?: string }): string {
  return register.vp ?? registerVp(register.key);
}

/** A threshold would change while its attribute control bit is reset (an old plug-in locked it; 209/71). */
function thresholdChangeLocked(unit: CryptoUnit, sig: number, rev: number): boolean {
  const bits = unit.thresholdControlBits;
  if (!bits) return false;
  return (!bits.signature && sig !== unit.signatureThreshold) || (!bits.revocation && rev !== unit.revocationThreshold);
}

/** Checks of the command's own content, done before signatures are counted. */
function validate(unit: CryptoUnit, command: UnitCommand, counter: number): Refusal | null {
  const imprint = unit.signatureThreshold === 0;
  switch (command.kind) {
    case 'admin-add': {
      if ([...command.name].length > MAX_ADMIN_NAME) return refusal('ADMIN_NAME_TOO_LONG');
      if (!HEX64.test(command.publicKey) || !HEX128.test(command.proof)) return refusal('MALFORMED_SIGNATURE');
      const pk = fromHex(command.publicKey);
      if (!verify(adminCertificatePayload(command.name, command.publicKey, unit.id, counter), fromHex(command.proof), pk)) {
        return refusal('PROOF_OF_POSSESSION');
      }
      if (unit.admins.some((a) => a.ski === subjectKeyIdentifier(pk))) return refusal('ADMIN_EXISTS');
      if (unit.admins.length >= MAX_ADMINS) return refusal('TOO_MANY_ADMINS');
      return null;
    }
    case 'admin-rm': {
      if (!unit.admins.some((a) => a.ski === command.ski)) return refusal('ADMIN_NOT_FOUND');
      const left = unit.admins.length - 1;
      if (!imprint && (left < unit.signatureThreshold || left < unit.revocationThreshold)) return refusal('REMOVE_BELOW_THRESHOLD');
      return null;
    }
    case 'thrhld-set': {
      const { signatureThreshold: sig, revocationThreshold: rev } = command;
      if (!Number.isInteger(sig) || !Number.isInteger(rev) || sig < 0 || rev < 0) return refusal('SIGNATURE_THRESHOLD_ZERO');
      if (sig === 0) return refusal('SIGNATURE_THRESHOLD_ZERO');
      if (rev === 0) return refusal(imprint ? 'REVOCATION_THRESHOLD_ZERO' : 'THRESHOLD_ZERO');
      if (thresholdChangeLocked(unit, sig, rev)) return refusal('THRESHOLD_CHANGE_NOT_ALLOWED');
      if (sig > unit.admins.length || sig > MAX_THRESHOLD) return refusal('SIGNATURE_THRESHOLD_OVER_ADMINS');
      if (rev > unit.admins.length || rev > MAX_THRESHOLD) return refusal('REVOCATION_THRESHOLD_OVER_ADMINS');
      return null;
    }
    case 'mk-load':
      return unit.newRegister.state === 'Empty' ? null : refusal('NEW_REGISTER_NOT_EMPTY');
    case 'mk-commit':
      if (unit.newRegister.state !== 'Full Uncommitted') return refusal(unit.newRegister.state === 'Empty' ? 'NEW_REGISTER_EMPTY' : 'NEW_REGISTER_NOT_UNCOMMITTED');
      return registerVp(unit.newRegister.key) === command.vp ? null : refusal('COMMIT_VP_MISMATCH');
    case 'mk-setimm':
      if (unit.newRegister.state === 'Empty') return refusal('NEW_REGISTER_EMPTY');
      return unit.newRegister.state === 'Full Committed' ? null : refusal('NEW_REGISTER_NOT_COMMITTED');
    case 'mk-random':
    case 'mk-export':
      return validateTransfer(unit, command);
    case 'exit-impr':
      return imprint ? null : refusal('NOT_IN_IMPRINT_MODE');
    case 'cp-change':
      return controlPointAt(command.index) && typeof command.set === 'boolean' ? null : refusal('INVALID_DATA');
    case 'mk-clrnew':
    case 'mk-clrcur':
    case 'zeroize':
    case 'cp-set':
      return null;
  }
}

function needEntropy(entropy: Entropy | undefined, kind: string): Entropy {
  if (!entropy) throw new Error(`applyRequest: ${kind} needs entropy`);
  return entropy;
}

function importKey(unit: CryptoUnit, command: Extract<UnitCommand, { kind: 'mk-load' }>): string | null {
  try {
    const key = openFrom(fromHex(command.box), fromHex(command.nonce), fromHex(command.sender), fromHex(unit.importer.secretKey));
    return key && key.length === KEY_BYTES ? Buffer.from(key).toString('hex') : null;
  } catch {
    return null;
  }
}

function transition(unit: CryptoUnit, command: UnitCommand, entropy: Entropy | undefined): UnitResult {
  switch (command.kind) {
    case 'admin-add': {
      const admin: Admin = { name: command.name, publicKey: command.publicKey, ski: subjectKeyIdentifier(fromHex(command.publicKey)) };
      return { ok: true, unit: { ...unit, admins: [...unit.admins, admin] } };
    }
    case 'admin-rm':
      return { ok: true, unit: { ...unit, admins: unit.admins.filter((a) => a.ski !== command.ski) } };
    case 'thrhld-set':
      return { ok: true, unit: { ...unit, signatureThreshold: command.signatureThreshold, revocationThreshold: command.revocationThreshold } };
    case 'mk-load': {
      const key = importKey(unit, command);
      if (key === null) return refuse(refusal('IMPORT_FAILED'));
      if (unit.currentRegister.key === key) return refuse(refusal('SAME_AS_CURRENT'));
      return { ok: true, unit: { ...unit, newRegister: { state: 'Full Uncommitted', key } } };
    }
    case 'mk-commit':
      return { ok: true, unit: { ...unit, newRegister: { ...unit.newRegister, state: 'Full Committed' } } };
    case 'mk-setimm':
      return { ok: true, unit: { ...unit, currentRegister: { state: 'Valid', key: unit.newRegister.key }, newRegister: { state: 'Empty', key: null } } };
    case 'mk-clrnew':
      return { ok: true, unit: { ...unit, newRegister: { state: 'Empty', key: null } } };
    case 'mk-clrcur':
      return { ok: true, unit: { ...unit, currentRegister: { state: 'Empty', key: null } } };
    case 'zeroize': {
      // Zeroize also sets the attribute control bits again: the only way out of an old plug-in's lock.
      const { thresholdControlBits: _lock, ...rest } = unit;
      return {
        ok: true,
        unit: { ...rest, admins: [], signatureThreshold: 0, revocationThreshold: 0, newRegister: { state: 'Empty', key: null }, currentRegister: { state: 'Empty', key: null } },
      };
    }
    case 'cp-set':
      return { ok: true, unit: { ...unit, controlPoints: { ...unit.controlPoints, [command.point]: true } } };
    case 'cp-change': {
      const info = controlPointAt(command.index);
      if (!info) return refuse(refusal('INVALID_DATA'));
      return { ok: true, unit: { ...unit, controlPoints: { ...unit.controlPoints, [info.point]: command.set } } };
    }
    case 'exit-impr':
      return { ok: true, unit: { ...unit, signatureThreshold: 1, revocationThreshold: 1 } };
    case 'mk-random':
      return { ok: true, unit: generateMasterKey(unit, needEntropy(entropy, command.kind)) };
    case 'mk-export':
      return { ok: true, unit, output: { kind: 'exported', sealed: exportMasterKey(unit, command, needEntropy(entropy, command.kind)) } };
  }
}

/**
 * The unit's whole decision on one request. Order: imprint-mode restriction, transaction counter,
 * signature verification (malformed, foreign, invalid), the command's own checks, the signature
 * count, then the transition. An accepted request advances the transaction counter. Commands that
 * make a random value inside the unit (mk-random, mk-export) draw it from `entropy`.
 */
export function applyRequest(unit: CryptoUnit, request: SignedRequest, entropy?: Entropy): UnitResult {
  if (request.unitId !== unit.id) return refuse(refusal('INVALID_SIGNATURE'));
  const rule = signatureRule(unit, request.command);
  if (rule.kind === 'not-allowed') return refuse(refusal('IMPRINT_MODE'));
  if (request.counter !== unit.counter) return refuse(refusal('BAD_TRANSACTION_COUNTER'));
  const valid = checkSignatures(unit, request);
  if (typeof valid !== 'number') return refuse(valid);
  const invalid = validate(unit, request.command, request.counter);
  if (invalid) return refuse(invalid);
  if (valid < rule.count) return refuse(refusal('TOO_FEW_SIGNATURES'));
  const result = transition(unit, request.command, entropy);
  return result.ok ? { ...result, unit: { ...result.unit, counter: unit.counter + 1 } } : result;
}
