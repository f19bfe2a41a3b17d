/**
 * Signing at the workstation and deciding at the units (reference 8.3). Each unit's command is
 * signed by the chosen keys that are installed administrators of that unit, bound to its
 * transaction counter as last seen. The commands then go to the units one at a time, in CRYPTO
 * UNIT NUM order, and stop at the first refusal: units before it keep the change (and the world is
 * written with them), the refusing unit and those after it do not. Each unit verifies the
 * signatures itself. Every request is signed before the first is sent, so a key that cannot sign
 * (a stopped signing service, a wrong token) changes nothing.
 */
import { appendFileSync } from 'node:fs';
import { signedPayload, type Signature, type SignedRequest, type UnitCommand } from '../core/command.ts';
import { toHex } from '../core/crypto.ts';
import type { Refusal } from '../core/refusal.ts';
import { signatureRule } from '../core/signature-rules.ts';
import type { CryptoUnit, Entropy, World } from '../core/types.ts';
import { applyRequest } from '../core/unit.ts';
import { replaceUnits, unitNumber } from '../core/world.ts';
import type { Signer } from '../workstation/index.ts';
import type { CommandContext } from './context.ts';

export type { Signer } from '../workstation/index.ts';
export { collectSigners, forgetSigners, selectedSignatureKeys, signingKeySkis, ski30, usesSigningService } from './signers.ts';

const NO_DOMAIN: Refusal = { code: 'INVALID_SIGNATURE', returnCode: 3, reasonCode: null, message: 'Invalid domain.', advice: 'The crypto unit no longer exists; list the crypto units with cryptounits.' };

/**
 * How many signatures the targets (in CRYPTO UNIT NUM order) need for a command of this kind: the
 * largest need of the units the command reaches before one that does not allow it at all (that unit
 * refuses, and the command stops there). Null when the first unit does not allow it: nothing to sign.
 */
export function signaturesNeeded(targets: readonly CryptoUnit[], sample: UnitCommand): number | null {
  let needed = 0;
  for (const [i, u] of targets.entries()) {
    const rule = signatureRule(u, sample);
    if (rule.kind === 'not-allowed') return i === 0 ? null : needed;
    needed = Math.max(needed, rule.count);
  }
  return needed;
}

/** The signers for one unit: those installed as its administrators, as many as it needs for the command. */
export function signersFor(unit: CryptoUnit, command: UnitCommand, signers: readonly Signer[]): Signer[] {
  const rule = signatureRule(unit, command);
  const count = rule.kind === 'required' ? rule.count : 0;
  return signers.filter((s) => unit.admins.some((a) => a.ski === s.ski)).slice(0, count);
}

/** Signs `command` for the unit `unitId` at `counter` with each of `signers`. */
export async function signRequest(command: UnitCommand, unitId: string, counter: number, signers: readonly Signer[]): Promise<SignedRequest> {
  const payload = signedPayload(command, unitId, counter);
  const signatures: Signature[] = [];
  for (const s of signers) signatures.push({ ski: s.ski, signature: toHex(await s.sign(payload)) });
  return { unitId, counter, command, signatures };
}

/** Appends submitted requests to TKESIM_WIRE_LOG, when set: they hold no secret (key values travel sealed). */
export function capture(env: NodeJS.ProcessEnv, requests: readonly SignedRequest[]): void {
  const file = env.TKESIM_WIRE_LOG;
  if (!file) return;
  appendFileSync(file, requests.map((r) => `${JSON.stringify(r)}\n`).join(''), { mode: 0o600 });
}

export type Submission =
  | { readonly ok: true; readonly world: World }
  | {
    readonly ok: false;
    readonly refusal: Refusal;
    /** The world with the changes of the units that accepted before the refusal. */
    readonly world: World;
    /** Ids of the units that accepted before the refusal and keep the change. */
    readonly kept: readonly string[];
    /** Ids of the refusing unit and of those after it: not changed. */
    readonly untouched: readonly string[];
  };

/**
 * The units decide on the requests one at a time, in the order given, stopping at the first
 * refusal. `entropy` serves commands that make a value inside a unit.
 */
export function decide(world: World, requests: readonly SignedRequest[], entropy?: Entropy): Submission {
  let current = world;
  const kept: string[] = [];
  for (const [i, request] of requests.entries()) {
    const unit = current.units.find((u) => u.id === request.unitId);
    const result = unit ? applyRequest(unit, request, entropy) : { ok: false as const, refusal: NO_DOMAIN };
    if (!result.ok) {
      const num = unitNumber(current, request.unitId);
      const refusal = num > 0 ? { ...result.refusal, unit: num } : result.refusal;
      const untouched = [...new Set(requests.slice(i).map((r) => r.unitId))].filter((id) => !kept.includes(id));
      return { ok: false, refusal, world: current, kept: [...new Set(kept)], untouched };
    }
    current = replaceUnits(current, [result.unit]);
    kept.push(result.unit.id);
  }
  return { ok: true, world: current };
}

/**
 * Signs `build(unit)` for each target (as seen in the snapshot the user approved) and sends them
 * unit by unit in CRYPTO UNIT NUM order. A unit changed by someone else since the snapshot refuses
 * on its transaction counter. The world is written when at least one unit accepted.
 */
export async function submit(
  ctx: CommandContext,
  targets: readonly CryptoUnit[],
  signers: readonly Signer[],
  build: (unit: CryptoUnit, entropy: Entropy) => UnitCommand | Promise<UnitCommand>,
): Promise<Submission> {
  return ctx.change(async (world, entropy) => {
    const ordered = [...targets].sort((a, b) => unitNumber(world, a.id) - unitNumber(world, b.id));
    const requests: SignedRequest[] = [];
    for (const t of ordered) {
      const command = await build(t, entropy);
      requests.push(await signRequest(command, t.id, t.counter, signersFor(t, command, signers)));
    }
    capture(ctx.env, requests);
    const result = decide(world, requests, entropy);
    return { world: result.ok || result.kept.length > 0 ? result.world : null, result };
  });
}
