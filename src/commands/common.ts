/** Pieces every command shares: the selected units, OK lines, refusals. */
import type { CryptoUnit, World } from '../core/types.ts';
import type { CommandContext } from '../engine/context.ts';
import { askNumbers } from '../engine/ask.ts';
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

/** Asks for one KEYNUM among `entries` (or takes it from the command line) and returns its entry. */
export async function chooseKeynum<E extends { readonly keynum: number }>(ctx: CommandContext, entries: readonly E[], prompt: string, preset: readonly string[]): Promise<E> {
  const [keynum] = await askNumbers(ctx.io, prompt, { noun: 'KEYNUM', allowed: entries.map((e) => e.keynum), count: [1, 1] }, preset);
  const entry = entries.find((e) => e.keynum === keynum);
  if (!entry) fail('No such KEYNUM.');
  return entry;
}
