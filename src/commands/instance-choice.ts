/** Which service instance an auto command works on, and selecting all of its crypto units (reference 2.4). */
import type { CryptoUnit, ServiceInstance, World } from '../core/types.ts';
import { unitsOfInstance } from '../core/world.ts';
import { askNumbers } from '../engine/ask.ts';
import type { CommandContext } from '../engine/context.ts';
import { fail } from '../engine/outcome.ts';
import { NO_INSTANCES, renderCryptoUnits, renderTable } from '../render/index.ts';
import { updateSelection } from '../workstation/index.ts';

/** The only instance, or the one the user picks by INSTANCE NUM (numbered as in cryptounits). */
export async function chooseInstance(ctx: CommandContext, world: World, purpose: string, preset: readonly string[]): Promise<ServiceInstance> {
  const [only] = world.instances;
  if (!only) fail(NO_INSTANCES);
  if (world.instances.length === 1) return only;
  ctx.io.print([
    'More than one service instance is assigned to the current resource group.',
    '',
    renderTable(['INSTANCE NUM', 'INSTANCE ID'], world.instances.map((i, n) => [String(n + 1), i.id])),
    '',
  ].join('\n'));
  const [num = 1] = await askNumbers(
    ctx.io,
    `Enter the INSTANCE NUM of the service instance you want to ${purpose}.`,
    { noun: 'INSTANCE NUM', allowed: world.instances.map((_, n) => n + 1), count: [1, 1] },
    preset,
  );
  const chosen = world.instances[num - 1];
  if (!chosen) fail('No such INSTANCE NUM.');
  return chosen;
}

/** Selects every crypto unit of the instance (failover and recovery units included) and nothing else. */
export async function selectWholeInstance(ctx: CommandContext, world: World, instance: ServiceInstance): Promise<CryptoUnit[]> {
  const units = unitsOfInstance(world, instance.id);
  const selection = await updateSelection(ctx.paths.tkeFiles, (s) => ({ ...s, units: units.map((u) => u.id) }));
  ctx.io.print(renderCryptoUnits(world, new Set(selection.units)));
  return units;
}
