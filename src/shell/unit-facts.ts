/**
 * What the panel shows of one crypto unit, computed once per unit value. Units are immutable, so a
 * WeakMap keyed by the unit object is a safe cache: decrypting key storage and hashing registers
 * happens once per state of a unit, never in render.
 */
import { outliers } from '../core/compare.ts';
import { decryptableKeys } from '../core/key-storage.ts';
import { vpOf } from '../core/unit.ts';
import { CONTROL_POINTS, type ControlPoint, type CryptoUnit, type CurrentRegisterState, type NewRegisterState, type World } from '../core/types.ts';

export type UnitMode = 'imprint' | 'secured';

export interface UnitFacts {
  readonly mode: UnitMode;
  readonly admins: readonly { readonly name: string; readonly ski: string }[];
  readonly signatureThreshold: number;
  readonly revocationThreshold: number;
  readonly newState: NewRegisterState;
  /** Full 64-hex verification pattern (all zeros when the register is empty). */
  readonly newVp: string;
  readonly currentState: CurrentRegisterState;
  readonly currentVp: string;
  readonly decryptable: number;
  readonly total: number;
  readonly controlPoints: readonly ControlPoint[];
}

const cache = new WeakMap<CryptoUnit, UnitFacts>();

export function unitFacts(unit: CryptoUnit): UnitFacts {
  const hit = cache.get(unit);
  if (hit) return hit;
  const facts: UnitFacts = {
    mode: unit.signatureThreshold === 0 ? 'imprint' : 'secured',
    admins: unit.admins.map((a) => ({ name: a.name, ski: a.ski })),
    signatureThreshold: unit.signatureThreshold,
    revocationThreshold: unit.revocationThreshold,
    newState: unit.newRegister.state,
    newVp: vpOf(unit.newRegister),
    currentState: unit.currentRegister.state,
    currentVp: vpOf(unit.currentRegister),
    decryptable: decryptableKeys(unit),
    total: unit.keyStorage.total,
    controlPoints: CONTROL_POINTS.filter((p) => unit.controlPoints[p]),
  };
  cache.set(unit, facts);
  return facts;
}

/** The first 8 hex digits of a verification pattern, as the panel shows it. */
export function shortVp(vp: string): string {
  return vp.slice(0, 8);
}

export function isEmptyVp(vp: string): boolean {
  return /^0*$/.test(vp);
}

/**
 * The units of an instance that are compared with each other: all of them except recovery units
 * still in imprint mode. Those were never set up (the key-part ceremony leaves them alone), so
 * flagging them would hide the differences that matter; once set up (auto-init), they count.
 */
export function comparedUnits(world: World, instanceId: string): CryptoUnit[] {
  return world.units.filter((u) => u.instanceId === instanceId && !(u.type === 'RECOVERY' && u.signatureThreshold === 0));
}

/** Ids of the units that differ from the other compared units of their own service instance. */
export function differingUnits(world: World): Set<string> {
  const out = new Set<string>();
  for (const instance of world.instances) {
    for (const id of outliers(comparedUnits(world, instance.id))) out.add(id);
  }
  return out;
}

/** The CRYPTO UNIT NUM as shown: index + 1, with `*` after a recovery unit's number. */
export function unitLabel(world: World, index: number): string {
  const unit = world.units[index];
  return `${index + 1}${unit?.type === 'RECOVERY' ? '*' : ''}`;
}
