/** "Configured the same": what cryptounit-compare and the panel check across units. */
import { vpOf } from './unit.ts';
import { CONTROL_POINTS, type CryptoUnit } from './types.ts';

export type Aspect = 'thresholds' | 'administrators' | 'new register' | 'current register' | 'control points';

function fingerprint(u: CryptoUnit, aspect: Aspect): string {
  switch (aspect) {
    case 'thresholds': return `${u.signatureThreshold}/${u.revocationThreshold}`;
    case 'administrators': return u.admins.map((a) => a.ski).sort().join(',');
    case 'new register': return `${u.newRegister.state}:${vpOf(u.newRegister)}`;
    case 'current register': return `${u.currentRegister.state}:${vpOf(u.currentRegister)}`;
    case 'control points': return CONTROL_POINTS.map((p) => (u.controlPoints[p] ? '1' : '0')).join('');
  }
}

export const ASPECTS: readonly Aspect[] = ['thresholds', 'administrators', 'new register', 'current register', 'control points'];

/** The aspects in which the units are not all alike (empty when configured the same). */
export function differingAspects(units: readonly CryptoUnit[]): Aspect[] {
  return ASPECTS.filter((a) => new Set(units.map((u) => fingerprint(u, a))).size > 1);
}

/** Ids of units that differ from the majority of their group in any aspect. */
export function outliers(units: readonly CryptoUnit[]): Set<string> {
  const out = new Set<string>();
  for (const aspect of ASPECTS) {
    const counts = new Map<string, number>();
    for (const u of units) counts.set(fingerprint(u, aspect), (counts.get(fingerprint(u, aspect)) ?? 0) + 1);
    if (counts.size < 2) continue;
    const top = Math.max(...counts.values());
    const majority = [...counts].filter(([, c]) => c === top).map(([f]) => f);
    for (const u of units) {
      const f = fingerprint(u, aspect);
      if (majority.length > 1 || f !== majority[0]) out.add(u.id);
    }
  }
  return out;
}
