/** The status line's view model: where the trainee is and what is selected. Pure; no React. */
import type { World } from '../core/types.ts';

export interface StatusModel {
  readonly region: string;
  /** Short GUIDs (first 8 characters) of the service instances of the selected units, in world order. */
  readonly instances: readonly string[];
  /** CRYPTO UNIT NUMs of the selected units, ascending. */
  readonly units: readonly number[];
  /** Names of the selected signature keys, as the workstation lists them. */
  readonly signatureKeys: readonly string[];
  /** The world was provisioned from a seed: every random value is reproducible. */
  readonly seeded: boolean;
}

export function buildStatusModel(world: World, selectedUnitIds: ReadonlySet<string>, selectedSignatureKeys: readonly string[]): StatusModel {
  const units: number[] = [];
  const instanceIds = new Set<string>();
  world.units.forEach((unit, index) => {
    if (!selectedUnitIds.has(unit.id)) return;
    units.push(index + 1);
    instanceIds.add(unit.instanceId);
  });
  return {
    region: world.region,
    instances: world.instances.filter((i) => instanceIds.has(i.id)).map((i) => i.id.slice(0, 8)),
    units,
    signatureKeys: [...selectedSignatureKeys],
    seeded: world.seed !== null,
  };
}

/** The plain segments of the status line, in order (the SEEDED marker is left to the component). */
export function statusSegments(model: StatusModel): string[] {
  const list = (items: readonly (string | number)[]) => (items.length ? items.join(', ') : 'none');
  return [
    `region ${model.region}`,
    `${model.instances.length > 1 ? 'instances' : 'instance'} ${list(model.instances)}`,
    `units ${list(model.units)}`,
    `sigkeys ${list(model.signatureKeys)}`,
  ];
}
