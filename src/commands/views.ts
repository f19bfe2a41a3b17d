/** cryptounit-compare, -admins, -thrhlds, -mk: what the selected crypto units hold. */
import type { CryptoUnit, World } from '../core/types.ts';
import { OK } from '../engine/outcome.ts';
import { renderAdmins, renderCompare, renderCurrentRegister, renderNewRegister, renderThresholds } from '../render/index.ts';
import type { TkeCommand } from './command.ts';
import { selectedUnits } from './common.ts';

function view(name: string, summary: string, details: string, render: (world: World, units: readonly CryptoUnit[]) => string): TkeCommand {
  return {
    name, group: 'selection', maxPositionals: 0, summary, usage: name, details,
    async run(ctx) {
      const world = await ctx.world();
      ctx.io.print(render(world, await selectedUnits(ctx, world)));
      return OK;
    },
  };
}

export const registers = (world: World, units: readonly CryptoUnit[]): string =>
  `${renderNewRegister(world, units)}\n${renderCurrentRegister(world, units)}`;

export const cryptounitCompare = view(
  'cryptounit-compare',
  'Compare the configuration of the selected crypto units',
  'Shows thresholds, administrators, both master key registers and control points of the selected crypto units, and says whether they are all configured the same. Run it before a rotation and after any repair.',
  renderCompare,
);
export const cryptounitAdmins = view('cryptounit-admins', 'List the administrators of the selected crypto units', 'Shows the administrators installed in each selected crypto unit, with their subject key identifiers.', renderAdmins);
export const cryptounitThrhlds = view('cryptounit-thrhlds', 'Show the signature thresholds of the selected crypto units', 'Shows the signature and revocation thresholds. A signature threshold of 0 means the crypto unit is in imprint mode.', renderThresholds);
export const cryptounitMk = view('cryptounit-mk', 'Show the master key registers of the selected crypto units', 'Shows the new and current master key registers: their state and verification pattern.', registers);
