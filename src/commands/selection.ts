/** cryptounits, cryptounit-add, cryptounit-rm: the crypto units and which are selected. */
import type { World } from '../core/types.ts';
import { askNumbers } from '../engine/ask.ts';
import type { CommandContext } from '../engine/context.ts';
import { OK, fail } from '../engine/outcome.ts';
import { renderCryptoUnits } from '../render/index.ts';
import { updateSelection } from '../workstation/index.ts';
import type { TkeCommand } from './command.ts';
import { ok } from './common.ts';

async function listing(ctx: CommandContext, world: World): Promise<string> {
  const { units } = await ctx.selection();
  return renderCryptoUnits(world, new Set(units));
}

export const cryptounits: TkeCommand = {
  name: 'cryptounits', group: 'selection', maxPositionals: 0,
  summary: 'List the service instances and crypto units, and which are selected',
  usage: 'cryptounits',
  details: 'Shows every service instance of the resource group and its crypto units, numbered in order. Recovery crypto units hold a backup of the master key; all operational crypto units of an instance must be configured the same.',
  async run(ctx) {
    ctx.io.print(await listing(ctx, await ctx.world()));
    return OK;
  },
};

function editSelection(name: string, verb: 'add' | 'remove'): TkeCommand {
  return {
    name, group: 'selection', maxPositionals: 64,
    summary: verb === 'add' ? 'Add crypto units to the selection' : 'Remove crypto units from the selection',
    usage: `${name} [CRYPTO_UNIT_NUM ...]`,
    details: verb === 'add'
      ? 'Selects crypto units: administrative commands act on every selected crypto unit. Normally select all units of an instance (or none); select units one at a time only to repair units that drifted apart.'
      : 'Unselects crypto units, for example to repair one unit at a time or before working on another instance.',
    async run(ctx, args) {
      const world = await ctx.world();
      ctx.io.print(await listing(ctx, world));
      if (world.units.length === 0) fail(`There are no crypto units to ${verb}: the resource group has no service instance. Nothing was changed.`);
      if (args.positionals.length === 0) ctx.io.print('');
      const nums = await askNumbers(
        ctx.io,
        `Enter a list of CRYPTO UNIT NUM to ${verb}, separated by spaces:`,
        { noun: 'CRYPTO UNIT NUM', allowed: world.units.map((_, i) => i + 1), count: [1, world.units.length] },
        args.positionals,
      );
      const ids = nums.map((n) => world.units[n - 1]?.id).filter((id) => id !== undefined);
      await updateSelection(ctx.paths.tkeFiles, (s) => {
        const kept = s.units.filter((id) => world.units.some((u) => u.id === id));
        return { ...s, units: verb === 'add' ? [...new Set([...kept, ...ids])] : kept.filter((id) => !ids.includes(id)) };
      });
      ok(ctx, '', await listing(ctx, world));
      return OK;
    },
  };
}

export const cryptounitAdd = editSelection('cryptounit-add', 'add');
export const cryptounitRm = editSelection('cryptounit-rm', 'remove');
