/** Provisioning the simulated cloud, and finding units by their CRYPTO UNIT NUM. */
import { boxKeyFromSeed, toHex } from './crypto.ts';
import { EMPTY_KEY_STORAGE } from './key-storage.ts';
import { CONTROL_POINTS, type ControlPoint, type CryptoUnit, type Entropy, type ServiceInstance, type UnitType, type World, type WorldShape } from './types.ts';

export const REGIONS = ['us-south', 'us-east', 'eu-de', 'eu-gb', 'eu-es', 'jp-tok', 'jp-osa', 'au-syd', 'ca-tor', 'br-sao'] as const;
export const FAILOVER_REGIONS: Readonly<Record<string, string>> = { 'us-south': 'us-east', 'us-east': 'us-south', 'eu-es': 'eu-de' };
const DR_REGION: Readonly<Record<string, string>> = {
  'us-south': 'us-east', 'us-east': 'us-south', 'eu-de': 'eu-gb', 'eu-gb': 'eu-de', 'jp-tok': 'jp-osa', 'jp-osa': 'jp-tok',
  'au-syd': 'jp-tok', 'ca-tor': 'us-east', 'br-sao': 'us-south', 'eu-es': 'eu-de',
};

export interface ProvisionOptions extends WorldShape {
  readonly seed: string | null;
}

export const DEFAULT_PROVISION: ProvisionOptions = { instances: 1, units: 2, recovery: 2, failover: 0, region: 'us-south', seed: null };

/** Why a provisioning request is impossible, or null. Mirrors the service's own limits. */
export function provisionProblem(o: ProvisionOptions): string | null {
  // 0 gives an empty resource group: cryptounits then finds no service instance (reference 8.3).
  if (!Number.isInteger(o.instances) || o.instances < 0 || o.instances > 8) return 'The number of service instances must be between 0 and 8.';
  if (!(REGIONS as readonly string[]).includes(o.region)) return `Unknown region ${o.region}. Regions: ${REGIONS.join(', ')}.`;
  if (o.region === 'eu-es' && o.recovery !== 0) return 'Recovery crypto units are not available in eu-es (Madrid); use --recovery 0.';
  if (o.failover !== 0 && !FAILOVER_REGIONS[o.region]) return `Failover crypto units are only available in ${Object.keys(FAILOVER_REGIONS).join(', ')}.`;
  if (o.failover > o.units) return 'The number of failover crypto units cannot exceed the number of operational crypto units.';
  return null;
}

/** A random (version 4) UUID: service instance and crypto unit ids. */
export function uuid(entropy: Entropy): string {
  const b = entropy(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = toHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const allControlPoints = (): Record<ControlPoint, boolean> =>
  Object.fromEntries(CONTROL_POINTS.map((p) => [p, true])) as Record<ControlPoint, boolean>;

export function newUnit(id: string, instanceId: string, type: UnitType, location: string, entropy: Entropy): CryptoUnit {
  const importer = boxKeyFromSeed(entropy(32));
  return {
    id, instanceId, type, location,
    admins: [], signatureThreshold: 0, revocationThreshold: 0,
    newRegister: { state: 'Empty', key: null },
    currentRegister: { state: 'Empty', key: null },
    controlPoints: allControlPoints(),
    counter: 0,
    importer: { publicKey: toHex(importer.publicKey), secretKey: toHex(importer.secretKey) },
    keyStorage: EMPTY_KEY_STORAGE,
  };
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function provisionWorld(o: ProvisionOptions, entropy: Entropy): World {
  const instances: ServiceInstance[] = [];
  const units: CryptoUnit[] = [];
  for (let i = 0; i < o.instances; i++) {
    const instance: ServiceInstance = { id: uuid(entropy), name: `Hyper Protect Crypto Services-${pad2(i + 1)}`, region: o.region };
    instances.push(instance);
    const domain = (n: number) => pad2(((i * 7 + n * 3) % 84) + 1);
    const add = (type: UnitType, region: string, zone: number, n: number) =>
      units.push(newUnit(uuid(entropy), instance.id, type, `[${region}].[AZ${zone}-CS${zone}].[${pad2(n + 1)}].[${domain(n)}]`, entropy));
    for (let u = 0; u < o.units; u++) add('OPERATIONAL', o.region, u + 1, u);
    if (o.recovery === 2) {
      add('RECOVERY', o.region, 1, o.units);
      add('RECOVERY', DR_REGION[o.region] ?? o.region, 2, o.units + 1);
    }
    const backup = FAILOVER_REGIONS[o.region] ?? o.region;
    for (let u = 0; u < o.failover; u++) add('FAILOVER', backup, u + 1, o.units + 2 + u);
  }
  return {
    shape: { instances: o.instances, units: o.units, recovery: o.recovery, failover: o.failover, region: o.region },
    region: o.region,
    account: { name: 'Trainee Account', id: toHex(entropy(16)) },
    user: 'trainee@example.com',
    resourceGroup: 'Default',
    seed: o.seed,
    draws: 0,
    instances,
    units,
  };
}

/** CRYPTO UNIT NUM (1-based, global across instances in instance order) of a unit id, or 0. */
export function unitNumber(world: World, unitId: string): number {
  return world.units.findIndex((u) => u.id === unitId) + 1;
}

export function unitByNumber(world: World, num: number): CryptoUnit | undefined {
  return Number.isInteger(num) && num >= 1 ? world.units[num - 1] : undefined;
}

export function unitsOfInstance(world: World, instanceId: string): CryptoUnit[] {
  return world.units.filter((u) => u.instanceId === instanceId);
}

export function replaceUnits(world: World, changed: readonly CryptoUnit[]): World {
  const byId = new Map(changed.map((u) => [u.id, u]));
  return { ...world, units: world.units.map((u) => byId.get(u.id) ?? u) };
}
