/** Pieces every command shares: the selected units, OK lines, refusals. */
import type { CryptoUnit, World } from '../core/types.ts';
import type { CommandContext } from '../engine/context.ts';
import { askNumbers } from '../engine/ask.ts';
import { fail, failed, type Outcome } from '../engine/outcome.ts';
import type { Refusal } from '../core/refusal.ts';
import type { BatchRun } from '../engine/batch.ts';
import { renderRefusal } from '../render/index.ts';
import { keptChangesNote, type StoppedCommand } from './kept-changes.ts';

/** The selected crypto units in CRYPTO UNIT NUM order; a command that needs some fails without them. */
export async function selectedUnits(ctx: CommandContext, world: World, required = true): Promise<CryptoUnit[]> {
  const { units } = await ctx.selection();
  const chosen = world.units.filter((u) => units.includes(u.id));
  if (required && chosen.length === 0) {
    fail('No crypto units are selected. Select the crypto units to work on with ibmcloud tke cryptounit-add, then run the command again.');
  }
  return chosen;
}

export function ok(ctx: CommandContext, ...lines: string[]): void {
  ctx.io.print(['OK', ...lines].join('\n'));
}

/** A refusal as the CLI prints it, then which units kept a change made before it (reference 8.3). */
export function refused(stopped: StoppedCommand): Outcome {
  return failed(renderRefusal(stopped.refusal) + keptChangesNote(stopped), stopped.refusal);
}

/** A batch (auto commands, rotation) stopped by a refusal: the steps accepted before it are kept. */
export function batchRefused(run: Pick<BatchRun<unknown>, 'after' | 'kept' | 'untouched'>, refusal: Refusal): Outcome {
  return failed(renderRefusal(refusal) + keptChangesNote({ refusal, world: run.after, kept: run.kept, untouched: run.untouched }, true), refusal);
}

/** The same units as found in a newer world. */
export function fresh(world: World, units: readonly CryptoUnit[]): CryptoUnit[] {
  return units.map((u) => world.units.find((w) => w.id === u.id) ?? u);
}

/** Asks for one KEYNUM among `entries` (or takes it from the command line) and returns its entry. */
export async function chooseKeynum<E extends { readonly keynum: number }>(ctx: CommandContext, entries: readonly E[], prompt: string, preset: readonly string[]): Promise<E> {
  const [keynum] = await askNumbers(ctx.io, prompt, { noun: 'KEYNUM', allowed: entries.map((e) => e.keynum), count: [1, 1] }, preset);
  const entry = entries.find((e) => e.keynum === keynum);
  if (!entry) fail('No such KEYNUM.');
  return entry;
}
