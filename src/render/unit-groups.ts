/**
 * The frame shared by the crypto unit sections (`cryptounit-compare`, `-thrhlds`, `-admins`, `-mk`):
 * units grouped per service instance, recovery units numbered `N*`, and the footnote that explains
 * the star. Sections are built as arrays of lines so that they compose exactly.
 */
import type { CryptoUnit, World } from '../core/types.ts';
import { unitNumber } from '../core/world.ts';
import { renderTable } from './table.ts';

export const RECOVERY_FOOTNOTE = '* Indicates a recovery crypto unit used only to hold a backup master key value.';

export interface InstanceGroup {
  readonly instanceId: string;
  readonly units: readonly CryptoUnit[];
}

/** The CRYPTO UNIT NUM as printed in the sections: `3`, or `3*` for a recovery unit. */
export function unitLabel(world: World, unit: CryptoUnit): string {
  return `${unitNumber(world, unit.id)}${unit.type === 'RECOVERY' ? '*' : ''}`;
}

/** The units grouped per service instance, in the world's instance order, units by number. */
export function groupByInstance(world: World, units: readonly CryptoUnit[]): InstanceGroup[] {
  const order = world.instances.map((i) => i.id);
  for (const u of units) if (!order.includes(u.instanceId)) order.push(u.instanceId);
  const byNumber = [...units].sort((a, b) => unitNumber(world, a.id) - unitNumber(world, b.id));
  return order
    .map((instanceId) => ({ instanceId, units: byNumber.filter((u) => u.instanceId === instanceId) }))
    .filter((g) => g.units.length > 0);
}

export interface SectionSpec {
  readonly title: string;
  readonly headers: readonly string[];
  /** The table rows of one unit; `label` is its CRYPTO UNIT NUM (with `*` for recovery units). */
  readonly rows: (unit: CryptoUnit, label: string) => string[][];
  /** Lines printed after the table (and footnote) of every instance, each followed by a blank line. */
  readonly trailer?: readonly string[];
}

/**
 * One section for one instance: a blank line, the title, the instance, the table, a blank line;
 * then the recovery footnote and the trailer, each followed by a blank line.
 */
export function sectionBlock(world: World, group: InstanceGroup, spec: SectionSpec): string[] {
  const rows = group.units.flatMap((u) => spec.rows(u, unitLabel(world, u)));
  const lines = ['', spec.title, `SERVICE INSTANCE: ${group.instanceId}`, ...renderTable(spec.headers, rows).split('\n'), ''];
  if (group.units.some((u) => u.type === 'RECOVERY')) lines.push(RECOVERY_FOOTNOTE, '');
  for (const line of spec.trailer ?? []) lines.push(line, '');
  return lines;
}

/** The section repeated for every service instance that the units belong to. */
export function sectionLines(world: World, units: readonly CryptoUnit[], spec: SectionSpec): string[] {
  return groupByInstance(world, units).flatMap((g) => sectionBlock(world, g, spec));
}
