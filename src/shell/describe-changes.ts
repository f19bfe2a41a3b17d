/**
 * What a command did to the crypto units, in words: one line per change, and a one-line summary
 * that merges identical changes of several units ("units 1, 2 new register Empty -> ...").
 */
import type { World } from '../core/types.ts';
import { isEmptyVp, shortVp, unitFacts, type UnitFacts } from './unit-facts.ts';

function registerChange(name: string, fromState: string, fromVp: string, toState: string, toVp: string): string | null {
  if (fromState === toState && fromVp === toVp) return null;
  const vp = (v: string) => `VP ${shortVp(v)}...`;
  if (fromState === toState) return `${name} ${toState}, ${vp(fromVp)} -> ${shortVp(toVp)}...`;
  return `${name} ${fromState} -> ${toState}${isEmptyVp(toVp) ? '' : `, ${vp(toVp)}`}`;
}

function adminChange(before: UnitFacts, after: UnitFacts): string | null {
  const was = new Set(before.admins.map((a) => a.ski));
  const is = new Set(after.admins.map((a) => a.ski));
  const added = after.admins.filter((a) => !was.has(a.ski)).map((a) => a.name);
  const removed = before.admins.filter((a) => !is.has(a.ski)).map((a) => a.name);
  if (added.length === 0 && removed.length === 0) return null;
  const why = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean);
  return `admins ${before.admins.length} -> ${after.admins.length} (${why.join(', ')})`;
}

function thresholdChange(before: UnitFacts, after: UnitFacts): string | null {
  const from = `${before.signatureThreshold}/${before.revocationThreshold}`;
  const to = `${after.signatureThreshold}/${after.revocationThreshold}`;
  if (from === to) return null;
  const note = before.mode === after.mode ? '' : after.mode === 'imprint' ? ' (back in imprint mode)' : ' (left imprint mode)';
  return `thresholds ${from} -> ${to}${note}`;
}

function controlPointChanges(before: UnitFacts, after: UnitFacts): string[] {
  const was = new Set(before.controlPoints);
  const is = new Set(after.controlPoints);
  const set = after.controlPoints.filter((p) => !was.has(p)).map((p) => `control point ${p} Not Set -> Set`);
  const reset = before.controlPoints.filter((p) => !is.has(p)).map((p) => `control point ${p} Set -> Not Set`);
  return [...set, ...reset];
}

/** Every change of one unit, each without the `unit N ` prefix. */
export function unitChanges(before: UnitFacts, after: UnitFacts): string[] {
  const keys = (f: UnitFacts) => `${f.decryptable}/${f.total}`;
  return [
    adminChange(before, after),
    thresholdChange(before, after),
    registerChange('new register', before.newState, before.newVp, after.newState, after.newVp),
    registerChange('current register', before.currentState, before.currentVp, after.currentState, after.currentVp),
    keys(before) === keys(after) ? null : `key storage ${keys(before)} -> ${keys(after)}`,
    ...controlPointChanges(before, after),
  ].filter((line): line is string => line !== null);
}

/** One line per change between two worlds, units matched by id and numbered as in `next`. */
export function describeChanges(previous: World, next: World): string[] {
  const lines: string[] = [];
  const before = new Map(previous.units.map((u) => [u.id, u]));
  next.units.forEach((unit, index) => {
    const old = before.get(unit.id);
    const num = index + 1;
    if (!old) {
      lines.push(`unit ${num} added (${unit.type})`);
      return;
    }
    for (const change of unitChanges(unitFacts(old), unitFacts(unit))) lines.push(`unit ${num} ${change}`);
  });
  const kept = new Set(next.units.map((u) => u.id));
  previous.units.forEach((unit, index) => {
    if (!kept.has(unit.id)) lines.push(`unit ${index + 1} removed (was ${unit.type})`);
  });
  return lines;
}

/** Merges the same change of several units into one clause: `units 1, 2 thresholds 0/0 -> 2/2`. */
export function summarizeChanges(lines: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const line of lines) {
    const m = /^unit (\d+) (.*)$/.exec(line);
    const [num, rest] = m ? [m[1] ?? '', m[2] ?? ''] : ['', line];
    const group = groups.get(rest) ?? [];
    if (num) group.push(num);
    groups.set(rest, group);
  }
  return [...groups]
    .map(([rest, nums]) => (nums.length === 0 ? rest : `${nums.length === 1 ? 'unit' : 'units'} ${nums.join(', ')} ${rest}`))
    .join('; ');
}
