/**
 * The ceremony's state vocabulary, evaluated on the shared state checks (src/core/state-checks.ts)
 * that the lessons' goals use too: each expectation becomes checks worded as the panel shows them.
 */
import {
  check, configuredTheSame, currentRegisterIs, currentVp, eachUnit, keysReadable, newRegisterIs, newVp, numbers, sameValue, shortVp,
  thresholds, unitsNumbered, unitsOf, type Check, type NumberedUnit, type StateFacts,
} from '../core/state-checks.ts';
import type { CeremonyScript, Expectation, ReadBackTarget, StateWord } from './script-model.ts';

/** The verification pattern read back at a step (for "current vp as read back: N"), or null. */
export type ReadBackLookup = (step: number) => string | null;

const list = (xs: readonly string[]) => (xs.length === 0 ? 'none' : xs.join(', '));
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

function scope(s: StateFacts, units: readonly number[] | null): NumberedUnit[] {
  return units ? unitsNumbered(s, units) : unitsOf(s);
}

function selectedNumbers(s: StateFacts): number[] {
  return s.world.units.flatMap((u, i) => (s.workstation.selectedUnits.includes(u.id) ? [i + 1] : []));
}

function wordChecks(word: StateWord, s: StateFacts, units: readonly NumberedUnit[], readBack: ReadBackLookup): Check[] {
  switch (word.word) {
    case 'units selected': {
      const nums = word.units;
      const label = nums.length === 1 ? `unit ${nums[0]}` : `units ${nums.slice(0, -1).join(', ')} and ${nums[nums.length - 1]}`;
      return [check(`${label} selected (●), no other`, sameSet(selectedNumbers(s).map(String), nums.map(String)))];
    }
    case 'signature keys':
      return [check(`signature keys on the workstation: ${list(word.names)} (sigkeys)`, sameSet(s.workstation.signatureKeys.map((k) => k.name), word.names))];
    case 'signature keys selected': {
      const selected = s.workstation.signatureKeys.filter((k) => s.workstation.selectedSignatureKeys.includes(k.ski)).map((k) => k.name);
      return [check(`signature keys selected: ${list(word.names)}`, sameSet(selected, word.names) && selected.length === s.workstation.selectedSignatureKeys.length)];
    }
    case 'key parts':
      return word.descriptions.map((d) => check(`key part "${d}" on the workstation (mks)`, s.workstation.keyParts.some((p) => p.description === d)));
    case 'admins installed':
      return eachUnit(units, `ADMINS ${list(word.names)}`, (u) => sameSet(u.admins.map((a) => a.name), word.names));
    case 'thresholds':
      return eachUnit(units, `SIG/REV ${word.signature}/${word.revocation}`, thresholds(word.signature, word.revocation));
    case 'mode':
      return eachUnit(units, `MODE ${word.mode}`, (u) => (u.signatureThreshold === 0) === (word.mode === 'imprint'));
    case 'new register':
      return newRegisterIs(units, word.state);
    case 'current register':
      return word.state === 'Valid' ? currentRegisterIs(units) : eachUnit(units, 'CURRENT REGISTER Empty', (u) => u.currentRegister.state === 'Empty');
    case 'same vp':
      return [sameValue(units, word.register)];
    case 'configured the same':
      return [configuredTheSame(units)];
    case 'keys readable':
      return keysReadable(units);
    case 'current vp as read back': {
      const vp = readBack(word.step);
      return vp === null ? [check(`CURRENT REGISTER as read back at step ${word.step} (nothing was read back there yet)`, false)] : currentRegisterIs(units, vp);
    }
    case 'current vp differs from read back': {
      const vp = readBack(word.step);
      if (vp === null) return [check(`CURRENT REGISTER other than read back at step ${word.step} (nothing was read back there yet)`, false)];
      return eachUnit(units, `CURRENT REGISTER Valid, not ${shortVp(vp)}`, (u) => u.currentRegister.state === 'Valid' && currentVp(u) !== vp);
    }
  }
}

/** The checks of one expectation (a scope with no unit fails). */
export function expectationChecks(e: Expectation, s: StateFacts, readBack: ReadBackLookup): Check[] {
  const units = scope(s, e.units);
  const needsUnits = !['units selected', 'signature keys', 'signature keys selected', 'key parts'].includes(e.state.word);
  if (needsUnits && units.length === 0) return [check(`${e.units ? `units ${e.units.join(', ')}` : 'the instance\'s crypto units'} exist`, false)];
  return wordChecks(e.state, s, units, readBack);
}

export function stepChecks(expect: readonly Expectation[], s: StateFacts, readBack: ReadBackLookup): Check[] {
  return expect.flatMap((e) => expectationChecks(e, s, readBack));
}

/** One verification pattern to read aloud: what it is, and its 64 hex digits. */
export interface ReadBackValue {
  readonly label: string;
  readonly vp: string;
}

/** The patterns a read-back shows: one when the units agree, one per unit when they do not. */
export function readBackValues(target: ReadBackTarget, s: StateFacts, script: CeremonyScript): ReadBackValue[] {
  switch (target.kind) {
    case 'register': {
      const units = scope(s, target.units);
      const name = target.register === 'new' ? 'NEW REGISTER' : 'CURRENT REGISTER';
      const vps = units.map(({ unit }) => (target.register === 'new' ? newVp(unit) : currentVp(unit)));
      const [first] = vps;
      if (first !== undefined && vps.every((v) => v === first)) return [{ label: `${name} of ${numbers(units)}`, vp: first }];
      return units.map((u, i) => ({ label: `${name} of unit ${u.num}`, vp: vps[i] ?? '' }));
    }
    case 'key part': {
      const custodian = script.participants.find((p) => p.part?.number === target.part);
      const description = custodian?.part?.description ?? '';
      const file = s.workstation.keyParts.find((p) => p.description === description);
      return file ? [{ label: `key part ${target.part} (KEYNUM ${file.keynum}, "${description}", ${custodian?.name ?? ''})`, vp: file.vp }] : [];
    }
  }
}
