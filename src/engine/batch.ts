/**
 * A batch: a conversation of many steps with the crypto units inside one change of the world (the
 * auto commands and rotation). The workstation signs each step with the target unit's transaction
 * counter as the batch last saw it (starting from the units the user approved), the unit decides,
 * and the result goes to a working copy. As the real CLI and IBM's SDK do, a refusal stops the batch
 * and the steps the units accepted before it are kept (reference 8.3): the world is written when the
 * batch ends, a drill interrupts it, or a refusal stops it after some unit changed. Pre-checks run
 * before a batch starts, so a failed pre-check changes nothing.
 */
import type { UnitCommand } from '../core/command.ts';
import type { Refusal } from '../core/refusal.ts';
import type { UnitOutput } from '../core/transfer.ts';
import type { CryptoUnit, Entropy, World } from '../core/types.ts';
import { applyRequest } from '../core/unit.ts';
import { replaceUnits, unitNumber } from '../core/world.ts';
import type { CommandContext } from './context.ts';
import { capture, signersFor, signRequest, type Signer } from './signing.ts';

export type Step = { readonly ok: true; readonly output: UnitOutput | null } | { readonly ok: false; readonly refusal: Refusal };

const NO_DOMAIN: Refusal = { code: 'INVALID_SIGNATURE', returnCode: 3, reasonCode: null, message: 'Invalid domain.', advice: 'The crypto unit no longer exists; list the crypto units with cryptounits.' };

/** Builds one step's command for a unit as the batch sees it now, at the counter the step is signed with. */
export type Build = (unit: CryptoUnit, counter: number) => UnitCommand | Promise<UnitCommand>;

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
  async send(unitId: string, build: Build): Promise<Step> {
    const unit = this.unit(unitId);
    if (!unit) return { ok: false, refusal: NO_DOMAIN };
    const counter = this.#counters.get(unitId) ?? unit.counter;
    const command = await build(unit, counter);
    const request = await signRequest(command, unitId, counter, signersFor(unit, command, this.signers));
    capture(this.env, [request]);
    const result = applyRequest(unit, request, this.entropy);
    if (!result.ok) return { ok: false, refusal: { ...result.refusal, unit: unitNumber(this.#world, unitId) } };
    this.#counters.set(unitId, result.unit.counter);
    this.#world = replaceUnits(this.#world, [result.unit]);
    return { ok: true, output: result.output ?? null };
  }

  /** Sends one command to each unit in turn; the first refusal, or null when all accepted. */
  async sendAll(units: readonly CryptoUnit[], build: Build): Promise<Refusal | null> {
    for (const u of units) {
      const step = await this.send(u.id, build);
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
  /** The world written: every step the units accepted, also when a refusal stopped the batch. */
  readonly after: World;
  /** Ids of the units the batch changed (a command accepted, or key storage re-enciphered). */
  readonly kept: readonly string[];
  /** Ids of the approved units it did not change. */
  readonly untouched: readonly string[];
}

const changed = (before: CryptoUnit, after: CryptoUnit | undefined): boolean =>
  after !== undefined && (after.counter !== before.counter || after.keyStorage.sealed !== before.keyStorage.sealed);

/** Runs `script` against the latest world under the store's lock and writes what the units accepted. */
export async function runBatch<T>(
  ctx: CommandContext,
  approved: readonly CryptoUnit[],
  signers: readonly Signer[],
  script: (batch: Batch) => BatchEnd<T> | Promise<BatchEnd<T>>,
): Promise<BatchRun<T>> {
  return ctx.change(async (world, entropy) => {
    const batch = new Batch(world, approved, signers, entropy, ctx.env);
    const end = await script(batch);
    const after = batch.world;
    const kept = world.units.filter((u) => changed(u, after.units.find((a) => a.id === u.id))).map((u) => u.id);
    const byNumber = (a: string, b: string) => unitNumber(after, a) - unitNumber(after, b);
    const untouched = approved.map((u) => u.id).filter((id) => !kept.includes(id)).sort(byNumber);
    const write = end.kind !== 'refused' || kept.length > 0 || after.faults !== world.faults;
    return { world: write ? after : null, result: { end, before: world, after: write ? after : world, kept: kept.sort(byNumber), untouched } };
  });
}
