/** The sections of `cryptounit-compare`, also printed alone by `-thrhlds`, `-admins` and `-mk`. */
import { registerVp } from '../core/unit.ts';
import { CONTROL_POINTS, type ControlPoint, type CryptoUnit, type World } from '../core/types.ts';
import { groupByInstance, sectionBlock, sectionLines, type SectionSpec } from './unit-groups.ts';
import { shortSki, vpCell } from './vp.ts';

export const IMPRINT_MODE_REMINDER = '==> Crypto units with a signature threshold of 0 are in IMPRINT MODE. <==';
const UNIT_NUM = 'CRYPTO UNIT NUM';
const REGISTER_HEADERS = [UNIT_NUM, 'STATUS', 'VERIFICATION PATTERN'];

export const THRESHOLDS: SectionSpec = {
  title: 'SIGNATURE THRESHOLDS',
  headers: [UNIT_NUM, 'SIGNATURE THRESHOLD', 'REVOCATION THRESHOLD'],
  rows: (u, label) => [[label, String(u.signatureThreshold), String(u.revocationThreshold)]],
  trailer: [IMPRINT_MODE_REMINDER],
};

export const ADMINISTRATORS: SectionSpec = {
  title: 'CRYPTO UNIT ADMINISTRATORS',
  headers: [UNIT_NUM, 'ADMIN NAME', 'SUBJECT KEY IDENTIFIER'],
  rows: (u, label) =>
    u.admins.length === 0
      ? [[label, 'No administrators', '']]
      : u.admins.map((a, i) => [i === 0 ? label : '', a.name, shortSki(a.ski)]),
};

export const NEW_REGISTER: SectionSpec = {
  title: 'NEW MASTER KEY REGISTER',
  headers: REGISTER_HEADERS,
  rows: (u, label) => [[label, u.newRegister.state, vpCell(registerVp(u.newRegister.key))]],
};

export const CURRENT_REGISTER: SectionSpec = {
  title: 'CURRENT MASTER KEY REGISTER',
  headers: REGISTER_HEADERS,
  rows: (u, label) => [[label, u.currentRegister.state, vpCell(registerVp(u.currentRegister.key))]],
};

export const CONTROL_POINTS_SECTION: SectionSpec = {
  title: 'CONTROL POINTS',
  headers: [UNIT_NUM, ...CONTROL_POINTS],
  rows: (u, label) => [[label, ...CONTROL_POINTS.map((p) => (u.controlPoints[p] ? 'Set' : 'Not Set'))]],
};

/** `SIGNATURE THRESHOLDS`, then the imprint-mode reminder. */
export function renderThresholds(world: World, units: readonly CryptoUnit[]): string {
  return sectionLines(world, units, THRESHOLDS).join('\n');
}

/**
 * `CRYPTO UNIT ADMINISTRATORS` as `cryptounit-admins` prints it: an instance none of whose units
 * has an administrator gets one sentence instead of the table. (`cryptounit-compare` always
 * prints the table; see `renderCompare`.)
 */
export function renderAdmins(world: World, units: readonly CryptoUnit[]): string {
  return groupByInstance(world, units)
    .flatMap((g) =>
      g.units.every((u) => u.admins.length === 0)
        ? ['', `No crypto unit administrators for service instance ${g.instanceId}`]
        : sectionBlock(world, g, ADMINISTRATORS),
    )
    .join('\n');
}

export function renderNewRegister(world: World, units: readonly CryptoUnit[]): string {
  return sectionLines(world, units, NEW_REGISTER).join('\n');
}

export function renderCurrentRegister(world: World, units: readonly CryptoUnit[]): string {
  return sectionLines(world, units, CURRENT_REGISTER).join('\n');
}

export function renderControlPoints(world: World, units: readonly CryptoUnit[]): string {
  return sectionLines(world, units, CONTROL_POINTS_SECTION).join('\n');
}

/** `CONTROL POINTS` with the one column of the control point `cryptounit-cp` shows. */
export function renderControlPoint(world: World, units: readonly CryptoUnit[], point: ControlPoint): string {
  const spec: SectionSpec = {
    title: 'CONTROL POINTS',
    headers: [UNIT_NUM, point],
    rows: (u, label) => [[label, u.controlPoints[point] ? 'Set' : 'Not Set']],
  };
  return sectionLines(world, units, spec).join('\n');
}
