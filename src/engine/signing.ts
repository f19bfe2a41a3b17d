/**
 * Signing at the workstation and deciding at the units. The workstation asks for the passwords of
 * the selected signature keys it needs, signs each unit's command bound to that unit's transaction
 * counter as last seen, and the units decide under the store's lock. Any refusal leaves the world
 * unchanged.
 */
import { appendFileSync } from 'node:fs';
import { signedPayload, type Signature, type SignedRequest, type UnitCommand } from '../core/command.ts';
import { sign, toHex, type SigningKeyPair } from '../core/crypto.ts';
import type { Refusal } from '../core/refusal.ts';
import { signatureRule } from '../core/signature-rules.ts';
import type { CryptoUnit, Entropy, World } from '../core/types.ts';
import { applyRequest } from '../core/unit.ts';
import { replaceUnits, unitNumber } from '../core/world.ts';
import { listSignatureKeys, openSignatureKey, type SignatureKeyEntry } from '../workstation/index.ts';
import { askSecret } from './ask.ts';
import type { CommandContext } from './context.ts';
import { fail } from './outcome.ts';

export interface Signer {
  readonly entry: SignatureKeyEntry;
  readonly key: SigningKeyPair;
}

export const ski30 = (ski: string): string => `${ski.slice(0, 30)}...`;

/** How many signatures the targets need for a command of this kind (the largest need), or null when a unit does not allow it. */
export function signaturesNeeded(targets: readonly CryptoUnit[], sample: UnitCommand): number | null {
  let needed = 0;
  for (const u of targets) {
    const rule = signatureRule(u, sample);
    if (rule.kind === 'not-allowed') return null;
    needed = Math.max(needed, rule.count);
  }
  return needed;
}

/** The selected signature keys, those installed as administrators on every target first. */
export async function selectedSignatureKeys(ctx: CommandContext, targets: readonly CryptoUnit[]): Promise<SignatureKeyEntry[]> {
  const { signatureKeys } = await ctx.selection();
  const all = await listSignatureKeys(ctx.paths.tkeFiles);
  const selected = all.filter((k) => signatureKeys.includes(k.ski));
  const installedOn = (k: SignatureKeyEntry) => targets.filter((u) => u.admins.some((a) => a.ski === k.ski)).length;
  return selected.map((k, i) => ({ k, i, n: installedOn(k) })).sort((a, b) => b.n - a.n || a.i - b.i).map((x) => x.k);
}

/** Asks for the password of each key that will sign; a wrong password ends the dialog before anything reaches a unit. */
export async function collectSigners(ctx: CommandContext, targets: readonly CryptoUnit[], needed: number): Promise<Signer[]> {
  if (needed === 0) return [];
  const chosen = (await selectedSignatureKeys(ctx, targets)).slice(0, needed);
  const signers: Signer[] = [];
  for (const entry of chosen) {
    ctx.io.progress?.({
      kind: 'signatures', needed,
      signed: signers.map((s) => s.entry.name),
      pending: chosen.slice(signers.length).map((e) => e.name),
    });
    const password = await askSecret(ctx.io, `Enter the password for the signature key identified by:\n${entry.name} (${ski30(entry.ski)})`, 'password');
    const key = await openSignatureKey(entry, password);
    if (!key) fail(`The password for the signature key identified by ${entry.name} (${ski30(entry.ski)}) is not valid. Nothing was sent to the crypto units; run the command again.`);
    signers.push({ entry, key });
  }
  ctx.io.progress?.({ kind: 'signatures', needed, signed: signers.map((s) => s.entry.name), pending: [] });
  return signers;
}

export function signRequest(command: UnitCommand, unitId: string, counter: number, signers: readonly Signer[]): SignedRequest {
  const payload = signedPayload(command, unitId, counter);
  const signatures: Signature[] = signers.map((s) => ({ ski: s.entry.ski, signature: toHex(sign(payload, s.key.secretKey)) }));
  return { unitId, counter, command, signatures };
}

/** Appends submitted requests to TKESIM_WIRE_LOG, when set: they hold no secret (key values travel sealed). */
export function capture(env: NodeJS.ProcessEnv, requests: readonly SignedRequest[]): void {
  const file = env.TKESIM_WIRE_LOG;
  if (!file) return;
  appendFileSync(file, requests.map((r) => `${JSON.stringify(r)}\n`).join(''), { mode: 0o600 });
}

export type Submission = { readonly ok: true; readonly world: World } | { readonly ok: false; readonly refusal: Refusal };

/** Lets every unit decide on its request; all accept or nothing changes. `entropy` serves commands that make a value inside a unit. */
export function decide(world: World, requests: readonly SignedRequest[], entropy?: Entropy): Submission {
  const changed: CryptoUnit[] = [];
  const refusals: Refusal[] = [];
  for (const request of requests) {
    const unit = world.units.find((u) => u.id === request.unitId);
    if (!unit) return { ok: false, refusal: { code: 'INVALID_SIGNATURE', returnCode: 3, reasonCode: null, message: 'Invalid domain.', advice: 'The crypto unit no longer exists; list the crypto units with cryptounits.' } };
    const result = applyRequest(unit, request, entropy);
    if (!result.ok) refusals.push({ ...result.refusal, unit: unitNumber(world, unit.id) });
    else changed.push(result.unit);
  }
  // Every unit decides; the refusal reported is an imprint-mode one if any (the most basic), else the first.
  const refusal = refusals.find((r) => r.code === 'IMPRINT_MODE') ?? refusals[0];
  if (refusal) return { ok: false, refusal };
  return { ok: true, world: replaceUnits(world, changed) };
}

/**
 * Signs `build(unit)` for each target (as seen in the snapshot the user approved) and submits them.
 * A unit changed by someone else since the snapshot refuses on its transaction counter.
 */
export async function submit(
  ctx: CommandContext,
  targets: readonly CryptoUnit[],
  signers: readonly Signer[],
  build: (unit: CryptoUnit, entropy: Entropy) => UnitCommand,
): Promise<Submission> {
  return ctx.change((world, entropy) => {
    const requests = targets.map((t) => signRequest(build(t, entropy), t.id, t.counter, signers));
    capture(ctx.env, requests);
    const result = decide(world, requests, entropy);
    return { world: result.ok ? result.world : null, result };
  });
}
