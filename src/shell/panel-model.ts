/**
 * The register panel's view model: one row per crypto unit, with what changed since the previous
 * world and which units differ from the rest of their instance. Pure; no React.
 */
import { differingAspects, type Aspect } from '../core/compare.ts';
import { MAX_ADMINS } from '../core/unit.ts';
import type { CurrentRegisterState, NewRegisterState, UnitType, World } from '../core/types.ts';
import { describeChanges, summarizeChanges } from './describe-changes.ts';
import { comparedUnits, differingUnits, shortVp, unitFacts, unitLabel, type UnitFacts, type UnitMode } from './unit-facts.ts';

export { describeChanges, summarizeChanges } from './describe-changes.ts';

export type PanelField = 'mode' | 'admins' | 'thresholds' | 'newRegister' | 'currentRegister' | 'keyStorage';
export const PANEL_FIELDS: readonly PanelField[] = ['mode', 'admins', 'thresholds', 'newRegister', 'currentRegister', 'keyStorage'];

export interface RegisterCell<S extends string> {
  readonly state: S;
  /** First 8 hex digits of the verification pattern ("00000000" when empty). */
  readonly vp: string;
}

export interface PanelRow {
  readonly unitId: string;
  /** CRYPTO UNIT NUM: index in world.units + 1. */
  readonly number: number;
  /** The number as shown: `3*` for a recovery unit. */
  readonly label: string;
  readonly type: UnitType;
  readonly instanceId: string;
  readonly selected: boolean;
  readonly mode: UnitMode;
  readonly adminCount: number;
  readonly maxAdmins: number;
  readonly adminNames: readonly string[];
  readonly signatureThreshold: number;
  readonly revocationThreshold: number;
  readonly newRegister: RegisterCell<NewRegisterState>;
  readonly currentRegister: RegisterCell<CurrentRegisterState>;
  readonly keyStorage: { readonly decryptable: number; readonly total: number };
  /** Configured differently from the other units of its service instance (see `comparedUnits`). */
  readonly differs: boolean;
  /** Fields that changed since the previous world (all true for a unit that did not exist). */
  readonly changed: Readonly<Record<PanelField, boolean>>;
}

export interface PanelInstance {
  readonly id: string;
  /** The first 8 characters of the instance GUID. */
  readonly shortId: string;
  readonly name: string;
  /** The aspects in which its compared units are not all alike; empty when configured the same. */
  readonly differingAspects: readonly Aspect[];
}

export interface PanelModel {
  readonly rows: readonly PanelRow[];
  readonly instances: readonly PanelInstance[];
  /** One line per change since the previous world (empty without one). */
  readonly changes: readonly string[];
  /** The changes in one line; '' without a previous world. */
  readonly summary: string;
}

export const NO_CHANGE = 'no change to any crypto unit';

function fieldValue(f: UnitFacts, field: PanelField): string {
  switch (field) {
    case 'mode': return f.mode;
    case 'admins': return f.admins.map((a) => `${a.ski}:${a.name}`).join(',');
    case 'thresholds': return `${f.signatureThreshold}/${f.revocationThreshold}`;
    case 'newRegister': return `${f.newState}:${f.newVp}`;
    case 'currentRegister': return `${f.currentState}:${f.currentVp}`;
    case 'keyStorage': return `${f.decryptable}/${f.total}`;
  }
}

function changedFields(before: UnitFacts | null, after: UnitFacts, compare: boolean): Record<PanelField, boolean> {
  const changed = (field: PanelField) => compare && (before === null || fieldValue(before, field) !== fieldValue(after, field));
  return {
    mode: changed('mode'),
    admins: changed('admins'),
    thresholds: changed('thresholds'),
    newRegister: changed('newRegister'),
    currentRegister: changed('currentRegister'),
    keyStorage: changed('keyStorage'),
  };
}

export function shortGuid(id: string): string {
  return id.slice(0, 8);
}

export function buildPanelModel(world: World, selectedUnitIds: ReadonlySet<string>, previous: World | null): PanelModel {
  const differs = differingUnits(world);
  const before = new Map((previous?.units ?? []).map((u) => [u.id, u]));
  const rows = world.units.map((unit, index): PanelRow => {
    const f = unitFacts(unit);
    const old = before.get(unit.id);
    return {
      unitId: unit.id,
      number: index + 1,
      label: unitLabel(world, index),
      type: unit.type,
      instanceId: unit.instanceId,
      selected: selectedUnitIds.has(unit.id),
      mode: f.mode,
      adminCount: f.admins.length,
      maxAdmins: MAX_ADMINS,
      adminNames: f.admins.map((a) => a.name),
      signatureThreshold: f.signatureThreshold,
      revocationThreshold: f.revocationThreshold,
      newRegister: { state: f.newState, vp: shortVp(f.newVp) },
      currentRegister: { state: f.currentState, vp: shortVp(f.currentVp) },
      keyStorage: { decryptable: f.decryptable, total: f.total },
      differs: differs.has(unit.id),
      changed: changedFields(old ? unitFacts(old) : null, f, previous !== null),
    };
  });
  const instances = world.instances.map((i): PanelInstance => ({
    id: i.id,
    shortId: shortGuid(i.id),
    name: i.name,
    differingAspects: differingAspects(comparedUnits(world, i.id)),
  }));
  const changes = previous ? describeChanges(previous, world) : [];
  // The same world as before (a command has just started): nothing to say yet.
  const summary = previous === null || previous === world ? '' : changes.length === 0 ? NO_CHANGE : summarizeChanges(changes);
  return { rows, instances, changes, summary };
}
