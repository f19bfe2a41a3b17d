/** Pieces every command shares: the selected units, OK lines, refusals. */
import type { CryptoUnit, World } from '../core/types.ts';
import type { CommandContext } from '../engine/context.ts';
import { fail, failed, type Outcome } from '../engine/outcome.ts';
import type { Submission } from '../engine/signing.ts';
import { renderRefusal } from '../render/index.ts';

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

export function refused(submission: Extract<Submission, { ok: false }>): Outcome {
  return failed(renderRefusal(submission.refusal), submission.refusal);
}

/** The same units as found in a newer world. */
export function fresh(world: World, units: readonly CryptoUnit[]): CryptoUnit[] {
  return units.map((u) => world.units.find((w) => w.id === u.id) ?? u);
}
