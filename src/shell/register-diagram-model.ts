/**
 * The register diagram's view model, after the figure "Loading master keys": per service instance,
 * which units sit in which state of the new and the current master key register, the arrows the
 * last command took, the verification patterns under the registers and the key counts under key
 * storage. Built from the worlds before and after the last command. Pure; no React.
 */
import { differingAspects, type Aspect } from '../core/compare.ts';
import type { CryptoUnit, CurrentRegisterState, NewRegisterState, World } from '../core/types.ts';
import { shortGuid } from './panel-model.ts';
import { REGISTER_MOVES, registerMoves, type RegisterMove } from './register-moves.ts';
import { comparedUnits, shortVp, unitFacts, unitLabel } from './unit-facts.ts';

export type { RegisterMove } from './register-moves.ts';

/** A unit's mark in the box of the state its register is in. */
export interface DiagramUnit {
  /** The CRYPTO UNIT NUM as the table shows it (`3*` for a recovery unit). */
  readonly label: string;
  readonly selected: boolean;
  /** This register of the unit changed with the last command. */
  readonly moved: boolean;
}

/** One verification pattern (first 8 hex digits) and the units whose register holds it. */
export interface VpGroup {
  readonly vp: string;
  readonly units: readonly string[];
}

/** Units with the same key count: readable under the current master key, of all stored keys. */
export interface KeyCount {
  readonly units: readonly string[];
  readonly readable: number;
  readonly total: number;
  /** The count changed with the last command (keys became unreadable, or were added). */
  readonly changed: boolean;
}

export interface DiagramInstance {
  readonly id: string;
  readonly shortId: string;
  readonly differingAspects: readonly Aspect[];
  /** Every unit of the instance, in world order: box sizes follow these, not who sits where. */
  readonly labels: readonly string[];
  readonly newRegister: Readonly<Record<NewRegisterState, readonly DiagramUnit[]>>;
  readonly currentRegister: Readonly<Record<CurrentRegisterState, readonly DiagramUnit[]>>;
  /** VPs of the new registers that hold a value; more than one group: the units differ. */
  readonly newVps: readonly VpGroup[];
  readonly currentVps: readonly VpGroup[];
  readonly keys: readonly KeyCount[];
  /** The arrows the last command took in this instance (none without a previous world). */
  readonly moves: readonly RegisterMove[];
  /** Recovery units belong to the instance: values can come from them (auto-init, auto-mk-recover). */
  readonly hasRecovery: boolean;
}

export interface DiagramModel {
  readonly instances: readonly DiagramInstance[];
}

function vpGroups(entries: readonly { readonly label: string; readonly vp: string }[]): VpGroup[] {
  const groups = new Map<string, string[]>();
  for (const e of entries) groups.set(e.vp, [...(groups.get(e.vp) ?? []), e.label]);
  return [...groups].map(([vp, units]) => ({ vp, units }));
}

function keyCounts(units: readonly { readonly label: string; readonly unit: CryptoUnit; readonly old: CryptoUnit | undefined }[]): KeyCount[] {
  const groups = new Map<string, KeyCount>();
  for (const { label, unit, old } of units) {
    const f = unitFacts(unit);
    const was = old ? unitFacts(old) : null;
    const changed = was !== null && (was.decryptable !== f.decryptable || was.total !== f.total);
    const key = `${f.decryptable}/${f.total}/${changed}`;
    const group = groups.get(key);
    groups.set(key, { readable: f.decryptable, total: f.total, changed, units: [...(group?.units ?? []), label] });
  }
  return [...groups.values()];
}

const inState = <S extends string>(marks: readonly { readonly state: S; readonly unit: DiagramUnit }[], state: S): DiagramUnit[] =>
  marks.filter((m) => m.state === state).map((m) => m.unit);

/** The diagram of every service instance of `world`; `previous` is the world before the last command. */
export function buildDiagramModel(world: World, selectedUnitIds: ReadonlySet<string>, previous: World | null): DiagramModel {
  const before = new Map((previous?.units ?? []).map((u) => [u.id, u]));
  const instances = world.instances.map((instance): DiagramInstance => {
    const units = world.units.flatMap((unit, index) => (unit.instanceId === instance.id ? [{ unit, label: unitLabel(world, index), old: before.get(unit.id) }] : []));
    const recovery = units.some(({ unit }) => unit.type === 'RECOVERY');
    const moves = new Set<RegisterMove>();
    const newMarks: { state: NewRegisterState; unit: DiagramUnit }[] = [];
    const currentMarks: { state: CurrentRegisterState; unit: DiagramUnit }[] = [];
    for (const { unit, label, old } of units) {
      const f = unitFacts(unit);
      const o = old ? unitFacts(old) : null;
      if (old) for (const m of registerMoves(old, unit, recovery)) moves.add(m);
      const selected = selectedUnitIds.has(unit.id);
      newMarks.push({ state: f.newState, unit: { label, selected, moved: o !== null && (o.newState !== f.newState || o.newVp !== f.newVp) } });
      currentMarks.push({ state: f.currentState, unit: { label, selected, moved: o !== null && (o.currentState !== f.currentState || o.currentVp !== f.currentVp) } });
    }
    const facts = units.map(({ unit, label }) => ({ label, f: unitFacts(unit) }));
    return {
      id: instance.id,
      shortId: shortGuid(instance.id),
      differingAspects: differingAspects(comparedUnits(world, instance.id)),
      labels: units.map((u) => u.label),
      newRegister: { Empty: inState(newMarks, 'Empty'), 'Full Uncommitted': inState(newMarks, 'Full Uncommitted'), 'Full Committed': inState(newMarks, 'Full Committed') },
      currentRegister: { Empty: inState(currentMarks, 'Empty'), Valid: inState(currentMarks, 'Valid') },
      newVps: vpGroups(facts.filter(({ f }) => f.newState !== 'Empty').map(({ label, f }) => ({ label, vp: shortVp(f.newVp) }))),
      currentVps: vpGroups(facts.filter(({ f }) => f.currentState !== 'Empty').map(({ label, f }) => ({ label, vp: shortVp(f.currentVp) }))),
      keys: keyCounts(units),
      moves: REGISTER_MOVES.filter((m) => moves.has(m)),
      hasRecovery: recovery,
    };
  });
  return { instances };
}
