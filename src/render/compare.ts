/** `cryptounit-compare`: the five sections, then the verdict. */
import { differingAspects } from '../core/compare.ts';
import type { CryptoUnit, World } from '../core/types.ts';
import { sectionLines } from './unit-groups.ts';
import { ADMINISTRATORS, CONTROL_POINTS_SECTION, CURRENT_REGISTER, NEW_REGISTER, THRESHOLDS } from './unit-sections.ts';

export const SAME_VERDICT = '==> All crypto units are configured the same. <==';
export const DIFFERENT_VERDICT = '==> WARNING: Crypto units are configured differently. <==';

/** The verdict line for a set of units. */
export function compareVerdict(units: readonly CryptoUnit[]): string {
  return differingAspects(units).length === 0 ? SAME_VERDICT : DIFFERENT_VERDICT;
}

/**
 * Every section starts with a blank line and ends with one, so two blank lines separate the
 * sections and one precedes the verdict, as in the real CLI's output.
 */
export function renderCompare(world: World, units: readonly CryptoUnit[]): string {
  const sections = [THRESHOLDS, ADMINISTRATORS, NEW_REGISTER, CURRENT_REGISTER, CONTROL_POINTS_SECTION];
  return [...sections.flatMap((s) => sectionLines(world, units, s)), compareVerdict(units)].join('\n');
}
