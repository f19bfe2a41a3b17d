/**
 * Fault injection for recovery drills (`tkesim sim fault`): the world as the reference's
 * troubleshooting section (4.4) finds it after each accident. Pure: the world in, the world out.
 */
import { CONTROL_POINTS, type ControlPoint, type CryptoUnit, type FaultState, type Interruption, type World } from './types.ts';
import { MAX_THRESHOLD } from './unit.ts';
import { replaceUnits } from './world.ts';

export type FaultKind =
  | 'login-expired'
  | 'rotate-before-rewrap'
  | 'rotate-after-rewrap'
  | 'threshold-drift'
  | 'unit-zeroized'
  | 'current-cleared'
  | 'sigkey-lost'
  | 'control-points-unset'
  | 'manager-role-missing'
  | 'thresholds-locked';

export const FAULT_KINDS: readonly FaultKind[] = [
  'login-expired', 'rotate-before-rewrap', 'rotate-after-rewrap', 'threshold-drift',
  'unit-zeroized', 'current-cleared', 'sigkey-lost', 'control-points-unset',
  'manager-role-missing', 'thresholds-locked',
];

export const isFaultKind = (s: string): s is FaultKind => (FAULT_KINDS as readonly string[]).includes(s);

export const NO_FAULTS: FaultState = { loginExpired: false, interruption: null };

export function faultsOf(world: World): FaultState {
  return world.faults ?? NO_FAULTS;
}

export function withFaults(world: World, change: Partial<FaultState>): World {
  return { ...world, faults: { ...faultsOf(world), ...change } };
}

export const INTERRUPTION_OF: Readonly<Record<'rotate-before-rewrap' | 'rotate-after-rewrap', Interruption>> = {
  'rotate-before-rewrap': 'before-rewrap',
  'rotate-after-rewrap': 'after-rewrap',
};

/** A fault on one unit: the damaged world, or why this world has nothing to damage. */
export type UnitFault = { readonly ok: true; readonly world: World } | { readonly ok: false; readonly problem: string };

/** The unit a unit fault hits by default: the last operational unit of the first instance that is out of imprint mode. */
export function defaultFaultUnit(world: World): CryptoUnit | undefined {
  const operational = world.units.filter((u) => u.type === 'OPERATIONAL');
  return [...operational].reverse().find((u) => u.signatureThreshold > 0) ?? operational[operational.length - 1];
}

/** Someone changed the unit outside the ceremony: its transaction counter moves on like after any command. */
function damaged(world: World, unit: CryptoUnit, change: Partial<CryptoUnit>): UnitFault {
  return { ok: true, world: replaceUnits(world, [{ ...unit, ...change, counter: unit.counter + 1 }]) };
}

/** Its signature threshold no longer matches its peers' (cryptounit-thrhld-set ran with only this unit selected). */
export function driftThresholds(world: World, unit: CryptoUnit): UnitFault {
  const sig = unit.signatureThreshold;
  if (sig === 0) return { ok: false, problem: 'The crypto unit is in imprint mode: its thresholds cannot drift. Initialize the service instance first.' };
  const drifted = sig > 1 ? sig - 1 : sig + 1;
  if (drifted > unit.admins.length || drifted > MAX_THRESHOLD) return { ok: false, problem: 'The crypto unit has too few administrators for a different signature threshold; install another administrator first.' };
  return damaged(world, unit, { signatureThreshold: drifted });
}

/** Zeroized by mistake: no administrators, thresholds 0, both registers Empty; key storage stays, unreadable. */
export function zeroizeByMistake(world: World, unit: CryptoUnit): UnitFault {
  const blank = unit.admins.length === 0 && unit.signatureThreshold === 0 && unit.currentRegister.state === 'Empty' && unit.newRegister.state === 'Empty';
  if (blank) return { ok: false, problem: 'The crypto unit is already zeroized (imprint mode, no administrators, empty registers).' };
  return damaged(world, unit, {
    admins: [], signatureThreshold: 0, revocationThreshold: 0,
    newRegister: { state: 'Empty', key: null }, currentRegister: { state: 'Empty', key: null },
  });
}

/** Its current master key register was cleared by mistake (cryptounit-mk-clrcur on the wrong unit). */
export function clearCurrentByMistake(world: World, unit: CryptoUnit): UnitFault {
  if (unit.currentRegister.state !== 'Valid') return { ok: false, problem: 'The current master key register of the crypto unit is already Empty. Initialize the service instance first.' };
  return damaged(world, unit, { currentRegister: { state: 'Empty', key: null } });
}

/** Every unit of the instance as if initialized before the firmware update that added the control points. */
export function unsetControlPoints(world: World, instanceId: string): World {
  const none = Object.fromEntries(CONTROL_POINTS.map((p) => [p, false])) as Record<ControlPoint, boolean>;
  const changed = world.units.filter((u) => u.instanceId === instanceId).map((u) => ({ ...u, controlPoints: none, counter: u.counter + 1 }));
  return replaceUnits(world, changed);
}

/**
 * The instance as TKE plug-in 0.0.11 or older left it: every secured unit at thresholds of 1 with
 * the attribute control bits for both thresholds reset, so any change of a threshold is refused
 * with 209/71 until the unit is zeroized. Units still in imprint mode are left as they are.
 */
export function lockThresholdsByOldPlugin(world: World, instanceId: string): UnitFault {
  const secured = world.units.filter((u) => u.instanceId === instanceId && u.signatureThreshold > 0);
  if (secured.length === 0) return { ok: false, problem: 'No crypto unit of the service instance is out of imprint mode. Initialize the service instance first.' };
  const locked = secured.map((u) => ({
    ...u, signatureThreshold: 1, revocationThreshold: 1, thresholdControlBits: { signature: false, revocation: false }, counter: u.counter + 1,
  }));
  return { ok: true, world: replaceUnits(world, locked) };
}
