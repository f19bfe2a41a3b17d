/** Builders for core tests: seeded entropy, units, administrators and signed requests. */
import { adminCertificatePayload, signedPayload, type SignedRequest, type UnitCommand } from '../../src/core/command.ts';
import { fromHex, sealTo, seededBytes, sign, signingKeyFromSeed, subjectKeyIdentifier, toHex, verificationPattern, type SigningKeyPair } from '../../src/core/crypto.ts';
import type { CryptoUnit, Entropy, World } from '../../src/core/types.ts';
import { applyRequest } from '../../src/core/unit.ts';
import { DEFAULT_PROVISION, provisionWorld } from '../../src/core/world.ts';

export function seeded(seed = 'test'): Entropy {
  let draw = 0;
  return (n) => seededBytes(seed, draw++, n);
}

export function world(seed = 'test', options: Partial<typeof DEFAULT_PROVISION> = {}): World {
  return provisionWorld({ ...DEFAULT_PROVISION, seed, ...options }, seeded(seed));
}

export function unit(seed = 'test'): CryptoUnit {
  const u = world(seed).units[0];
  if (!u) throw new Error('no unit');
  return u;
}

export interface TestAdmin {
  readonly name: string;
  readonly key: SigningKeyPair;
  readonly ski: string;
  readonly publicKey: string;
}

export function admin(name: string): TestAdmin {
  const key = signingKeyFromSeed(seededBytes(`admin-${name}`, 0, 32));
  return { name, key, ski: subjectKeyIdentifier(key.publicKey), publicKey: toHex(key.publicKey) };
}

export const ALICE = admin('Alice');
export const BOB = admin('Bob');
export const CAROL = admin('Carol');
export const MALLORY = admin('Mallory');

export function request(u: CryptoUnit, command: UnitCommand, signers: readonly TestAdmin[] = [], counter = u.counter): SignedRequest {
  const payload = signedPayload(command, u.id, counter);
  return { unitId: u.id, counter, command, signatures: signers.map((s) => ({ ski: s.ski, signature: toHex(sign(payload, s.key.secretKey)) })) };
}

export function addAdminCommand(u: CryptoUnit, a: TestAdmin): UnitCommand {
  return { kind: 'admin-add', name: a.name, publicKey: a.publicKey, proof: toHex(sign(adminCertificatePayload(a.name, a.publicKey, u.id, u.counter), a.key.secretKey)) };
}

export function loadCommand(u: CryptoUnit, key: Uint8Array, entropy: Entropy = seeded('load')): UnitCommand {
  const nonce = entropy(24);
  const sealed = sealTo(key, fromHex(u.importer.publicKey), entropy(32), nonce);
  return { kind: 'mk-load', sender: toHex(sealed.sender), nonce: toHex(nonce), box: toHex(sealed.box) };
}

/** Applies a request and throws if the unit refuses: for building start states. */
export function must(u: CryptoUnit, command: UnitCommand, signers: readonly TestAdmin[] = []): CryptoUnit {
  const r = applyRequest(u, request(u, command, signers));
  if (!r.ok) throw new Error(`refused: ${r.refusal.code}`);
  return r.unit;
}

export const KEY_A = new Uint8Array(32).fill(0xa1);
export const KEY_B = new Uint8Array(32).fill(0xb2);
export const vp = (k: Uint8Array): string => verificationPattern(k);

/** A unit with Alice, Bob and Carol installed, thresholds sig/rev. */
export function secured(sig = 2, rev = 2, seed = 'test'): CryptoUnit {
  let u = unit(seed);
  for (const a of [ALICE, BOB, CAROL]) u = must(u, addAdminCommand(u, a));
  return must(u, { kind: 'thrhld-set', signatureThreshold: sig, revocationThreshold: rev }, [ALICE, BOB, CAROL].slice(0, sig));
}

/** A secured unit whose current register holds `key` and whose new register is Empty. */
export function initialized(key: Uint8Array = KEY_A, seed = 'test'): CryptoUnit {
  let u = secured(2, 2, seed);
  u = must(u, loadCommand(u, key), [ALICE]);
  u = must(u, { kind: 'mk-commit', vp: vp(key) }, [ALICE, BOB]);
  return must(u, { kind: 'mk-setimm' }, [ALICE]);
}
