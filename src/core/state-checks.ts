/**
 * The declarative state vocabulary shared by the lessons' goals and the ceremony scripts: checks
 * over a world and the facts of its workstation, worded in the register panel's terms (unit
 * numbers, MODE, ADMINS, SIG/REV, NEW and CURRENT REGISTER with the first 8 hex of the VP, KEYS).
 * Pure: the facts are read elsewhere and passed in.
 */
import { differingAspects } from './compare.ts';
import { decryptableKeys } from './key-storage.ts';
import type { CryptoUnit, UnitType, World } from './types.ts';
import { vpOf } from './unit.ts';

/** What the workstation holds, as checks see it (no secret: names, SKIs, VPs, the selection). */
export interface WorkstationFacts {
  readonly signatureKeys: readonly { readonly keynum: number; readonly name: string; readonly ski: string }[];
  readonly keyParts: readonly { readonly keynum: number; readonly description: string; readonly vp: string }[];
  /** Selected crypto unit ids. */
  readonly selectedUnits: readonly string[];
  /** Subject key identifiers of the selected signature keys. */
  readonly selectedSignatureKeys: readonly string[];
}

/** A world and its workstation: what every check reads. */
export interface StateFacts {
  readonly world: World;
  readonly workstation: WorkstationFacts;
}

/** One condition, worded as the panel shows it ("unit 2 THRESHOLDS 2/2"). */
export interface Check {
  readonly label: string;
  readonly ok: boolean;
}

export interface NumberedUnit {
  readonly unit: CryptoUnit;
  /** CRYPTO UNIT NUM. */
  readonly num: number;
}

export const SERVING_TYPES: readonly UnitType[] = ['OPERATIONAL', 'FAILOVER'];

/** The first 8 hex digits, as the register panel shows a verification pattern. */
export const shortVp = (vp: string): string => vp.slice(0, 8);

/** The units of the n-th service instance (0-based) of the given types, with their numbers. */
export function unitsOf(s: StateFacts, instance = 0, types: readonly UnitType[] = SERVING_TYPES): NumberedUnit[] {
  const id = s.world.instances[instance]?.id;
  return s.world.units
    .map((unit, i) => ({ unit, num: i + 1 }))
    .filter(({ unit }) => unit.instanceId === id && types.includes(unit.type));
}

/** Units by CRYPTO UNIT NUM (missing numbers are skipped). */
export function unitsNumbered(s: StateFacts, nums: readonly number[]): NumberedUnit[] {
  return nums.flatMap((num) => {
    const unit = s.world.units[num - 1];
    return unit ? [{ unit, num }] : [];
  });
}

export const check = (label: string, ok: boolean): Check => ({ label, ok });

export const numbers = (units: readonly NumberedUnit[]): string => {
  const nums = units.map((u) => u.num);
  return nums.length <= 1 ? `unit ${nums.join('')}` : `units ${nums.slice(0, -1).join(', ')} and ${nums[nums.length - 1]}`;
};

/** One check per unit: `unit N <what>`. */
export function eachUnit(units: readonly NumberedUnit[], what: string, ok: (u: CryptoUnit) => boolean): Check[] {
  return units.map(({ unit, num }) => check(`unit ${num} ${what}`, ok(unit)));
}

export const isSelected = (s: StateFacts, u: CryptoUnit): boolean => s.workstation.selectedUnits.includes(u.id);
export const newVp = (u: CryptoUnit): string => vpOf(u.newRegister);
export const currentVp = (u: CryptoUnit): string => vpOf(u.currentRegister);
export const adminSet = (u: CryptoUnit): string => u.admins.map((a) => a.ski).sort().join(',');

/** Selected signature keys that are installed administrators of every one of `units`. */
export function signingAdmins(s: StateFacts, units: readonly NumberedUnit[]): number {
  return s.workstation.selectedSignatureKeys.filter((ski) => units.every(({ unit }) => unit.admins.some((a) => a.ski === ski))).length;
}

export function sameAdmins(units: readonly NumberedUnit[]): Check {
  return check(`${numbers(units)} have the same administrators`, new Set(units.map(({ unit }) => adminSet(unit))).size === 1);
}

export const thresholds = (sig: number, rev: number) => (u: CryptoUnit): boolean => u.signatureThreshold === sig && u.revocationThreshold === rev;

/** `NEW REGISTER <state> <vp8>`, when `vp` is given the value must match. */
export function newRegisterIs(units: readonly NumberedUnit[], state: CryptoUnit['newRegister']['state'], vp?: string): Check[] {
  return eachUnit(units, `NEW REGISTER ${state}${vp ? ` ${shortVp(vp)}` : ''}`, (u) => u.newRegister.state === state && (vp === undefined || newVp(u) === vp));
}

export function currentRegisterIs(units: readonly NumberedUnit[], vp?: string): Check[] {
  return eachUnit(units, `CURRENT REGISTER Valid${vp ? ` ${shortVp(vp)}` : ''}`, (u) => u.currentRegister.state === 'Valid' && (vp === undefined || currentVp(u) === vp));
}

/** The units hold the same value in a register (and it is not empty). */
export function sameValue(units: readonly NumberedUnit[], register: 'new' | 'current'): Check {
  const vps = units.map(({ unit }) => (register === 'new' ? newVp(unit) : currentVp(unit)));
  const filled = units.every(({ unit }) => (register === 'new' ? unit.newRegister.state !== 'Empty' : unit.currentRegister.state === 'Valid'));
  return check(`${numbers(units)} hold the same ${register === 'new' ? 'NEW' : 'CURRENT'} REGISTER value`, filled && new Set(vps).size === 1);
}

export function configuredTheSame(units: readonly NumberedUnit[]): Check {
  return check(`${numbers(units)} configured the same (no ≠ mark)`, units.length > 0 && differingAspects(units.map((u) => u.unit)).length === 0);
}

export function allSelected(s: StateFacts, units: readonly NumberedUnit[]): Check {
  return check(`${numbers(units)} selected (●)`, units.every(({ unit }) => isSelected(s, unit)));
}

export function keysReadable(units: readonly NumberedUnit[]): Check[] {
  return eachUnit(units, 'KEYS all readable (n/n)', (u) => u.keyStorage.total > 0 && decryptableKeys(u) === u.keyStorage.total);
}

/** Some of `units` are not selected. */
export const notAllSelected = (s: StateFacts, units: readonly NumberedUnit[]): boolean => units.some(({ unit }) => !isSelected(s, unit));

/** Some of `units` hold a new master key other than `vp` (loaded from the wrong parts). */
export const wrongNewValue = (units: readonly NumberedUnit[], vp: string): boolean =>
  units.some(({ unit }) => unit.newRegister.state !== 'Empty' && newVp(unit) !== vp);
