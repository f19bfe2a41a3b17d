/**
 * A batch: a conversation of many steps with the crypto units inside one change of the world (the
 * auto commands and rotation). The workstation signs each step with the target unit's transaction
 * counter as the batch last saw it (starting from the units the user approved), the unit decides,
 * and the result goes to a working copy. The world is written when the batch ends or a drill
 * interrupts it; a refusal at any step leaves the world unchanged.
 */
import type { UnitCommand } from '../core/command.ts';
import type { Refusal } from '../core/refusal.ts';
import { signatureRule } from '../core/signature-rules.ts';
import type { UnitOutput } from '../core/transfer.ts';
import type { CryptoUnit, Entropy, World } from '../core/types.ts';
import { applyRequest } from '../core/unit.ts';
import { replaceUnits, unitNumber } from '../core/world.ts';
import type { CommandContext } from './context.ts';
import { capture, signRequest, type Signer } from './signing.ts';

export type Step = { readonly ok: true; readonly output: UnitOutput | null } | { readonly ok: false; readonly refusal: Refusal };

const NO_DOMAIN: Refusal = { code: 'INVALID_SIGNATURE', returnCode: 3, reasonCode: null, message: 'Invalid domain.', advice: 'The crypto unit no longer exists; list the crypto units with cryptounits.' };

export class Batch {
  #world: World;
  readonly #counters = new Map<string, number>();

  constructor(world: World, approved: readonly CryptoUnit[], private readonly signers: readonly Signer[], private readonly entropy: Entropy, private readonly env: NodeJS.ProcessEnv) {
    this.#world = world;
    for (const u of approved) this.#counters.set(u.id, u.counter);
  }

  get world(): World {
    return this.#world;
  }

  /** The unit as it is now in the working copy. */
  unit(id: string): CryptoUnit | undefined {
    return this.#world.units.find((u) => u.id === id);
  }

  /** Signs `build(unit, counter)` with the signers the unit needs, and lets the unit decide. */
  send(unitId: string, build: (unit: CryptoUnit, counter: number) => UnitCommand): Step {
    const unit = this.unit(unitId);
    if (!unit) return { ok: false, refusal: NO_DOMAIN };
    const counter = this.#counters.get(unitId) ?? unit.counter;
    const command = build(unit, counter);
    const rule = signatureRule(unit, command);
    const count = rule.kind === 'required' ? rule.count : 0;
    const signers = this.signers.filter((s) => unit.admins.some((a) => a.ski === s.entry.ski)).slice(0, count);
    const request = signRequest(command, unitId, counter, signers);
    capture(this.env, [request]);
    const result = applyRequest(unit, request, this.entropy);
    if (!result.ok) return { ok: false, refusal: { ...result.refusal, unit: unitNumber(this.#world, unitId) } };
    this.#counters.set(unitId, result.unit.counter);
    this.#world = replaceUnits(this.#world, [result.unit]);
    return { ok: true, output: result.output ?? null };
  }

  /** Sends one command to each unit in turn; the first refusal, or null when all accepted. */
  sendAll(units: readonly CryptoUnit[], build: (unit: CryptoUnit, counter: number) => UnitCommand): Refusal | null {
    for (const u of units) {
      const step = this.send(u.id, build);
      if (!step.ok) return step.refusal;
    }
    return null;
  }

  /** Work a unit does on its own, without a command (re-enciphering key storage), or drill bookkeeping. */
  update(fn: (world: World) => World): void {
    this.#world = fn(this.#world);
  }
}

export type BatchEnd<T> =
  | { readonly kind: 'done'; readonly result: T }
  | { readonly kind: 'interrupted'; readonly result: T }
  | { readonly kind: 'refused'; readonly refusal: Refusal };

export interface BatchRun<T> {
  readonly end: BatchEnd<T>;
  readonly before: World;
  /** The world written (the one before, after a refusal). */
  readonly after: World;
}

/** Runs `script` against the latest world under the store's lock and writes what it did, unless refused. */
export async function runBatch<T>(
  ctx: CommandContext,
  approved: readonly CryptoUnit[],
  signers: readonly Signer[],
  script: (batch: Batch) => BatchEnd<T> | Promise<BatchEnd<T>>,
): Promise<BatchRun<T>> {
  return ctx.change(async (world, entropy) => {
    const batch = new Batch(world, approved, signers, entropy, ctx.env);
    const end = await script(batch);
    const after = end.kind === 'refused' ? world : batch.world;
    return { world: end.kind === 'refused' ? null : after, result: { end, before: world, after } };
  });
}
