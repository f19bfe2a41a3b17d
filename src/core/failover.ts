/** Failover crypto units added after provisioning (failover-enable, reference 2.4). */
import { FAILOVER_REGIONS, newUnit, pad2, uuid } from './world.ts';
import type { CryptoUnit, Entropy, World } from './types.ts';

export interface FailoverCounts {
  readonly current: number;
  /** At most as many failover units as operational units. */
  readonly max: number;
  /** The smallest total that can be asked for: at least 2 (high availability) and more than now. */
  readonly min: number;
}

export function failoverCounts(world: World, instanceId: string): FailoverCounts {
  const units = world.units.filter((u) => u.instanceId === instanceId);
  const current = units.filter((u) => u.type === 'FAILOVER').length;
  const max = units.filter((u) => u.type === 'OPERATIONAL').length;
  return { current, max, min: Math.max(2, current + 1) };
}

/** The region that holds an instance's failover units, or null where failover is not offered. */
export function backupRegion(world: World): string | null {
  return FAILOVER_REGIONS[world.region] ?? null;
}

/** Why failover-enable cannot run on this selection, or null. */
export function failoverProblem(world: World, selected: readonly CryptoUnit[]): string | null {
  if (backupRegion(world) === null) return `Failover crypto units are only available in ${Object.keys(FAILOVER_REGIONS).join(', ')}; this service instance is in ${world.region}.`;
  const instances = new Set(selected.map((u) => u.instanceId));
  const [instanceId] = instances;
  const all = world.units.filter((u) => u.instanceId === instanceId);
  if (instances.size !== 1 || all.some((u) => !selected.includes(u))) {
    return 'Select all the crypto units of one service instance first, with ibmcloud tke cryptounit-add.';
  }
  const counts = failoverCounts(world, instanceId ?? '');
  if (counts.min > counts.max) return `The service instance already has ${counts.current} failover crypto units, the most it can have (one per operational crypto unit).`;
  return null;
}

/** The world with failover units added after the instance's other units, up to `total`. */
export function addFailoverUnits(world: World, instanceId: string, total: number, entropy: Entropy): { world: World; added: readonly CryptoUnit[] } {
  const region = backupRegion(world) ?? world.region;
  const { current } = failoverCounts(world, instanceId);
  const added: CryptoUnit[] = [];
  for (let i = current; i < total; i++) {
    const [module = 0, domain = 0] = entropy(2);
    const zone = (i % 3) + 1;
    added.push(newUnit(uuid(entropy), instanceId, 'FAILOVER', `[${region}].[AZ${zone}-CS${zone}].[${pad2((module % 4) + 1)}].[${pad2((domain % 84) + 1)}]`, entropy));
  }
  const last = world.units.map((u) => u.instanceId).lastIndexOf(instanceId);
  const units = [...world.units.slice(0, last + 1), ...added, ...world.units.slice(last + 1)];
  return { world: { ...world, units }, added };
}
