/**
 * The `expect:` and `read back:` entries of a step: one state word with its value (and optionally
 * `units: [..]`), or one verification pattern to read back. Unknown words are named with their line.
 */
import { isScalar, type Node } from 'yaml';
import type { Expectation, ReadBackTarget, RegisterName, StateWord, StateWordName } from './script-model.ts';
import type { YamlReader } from './yaml-reader.ts';

export const STATE_WORDS: readonly StateWordName[] = [
  'units selected', 'signature keys', 'signature keys selected', 'key parts', 'admins installed', 'thresholds', 'mode',
  'new register', 'current register', 'same vp', 'configured the same', 'keys readable', 'current vp as read back',
  'current vp differs from read back',
];

const NEW_STATES = ['Empty', 'Full Uncommitted', 'Full Committed'] as const;
const CURRENT_STATES = ['Empty', 'Valid'] as const;

function oneOf<T extends string>(r: YamlReader, node: Node | null, what: string, choices: readonly T[]): T | null {
  const text = r.text(node, what);
  if (text === null) return null;
  const found = choices.find((c) => c.toLowerCase() === text.toLowerCase());
  return found ?? r.problem(node, `${what} must be one of: ${choices.join(', ')} (not "${text}").`);
}

function register(r: YamlReader, node: Node | null, what: string): RegisterName | null {
  return oneOf(r, node, what, ['new', 'current'] as const);
}

function stateWord(r: YamlReader, word: string, keyNode: Node, value: Node | null): StateWord | null {
  const what = `"${word}"`;
  switch (word) {
    case 'units selected': {
      const units = r.unitNumbers(value, what);
      return units && { word, units };
    }
    case 'signature keys':
    case 'signature keys selected':
    case 'admins installed': {
      const names = r.texts(value, what);
      return names && { word, names };
    }
    case 'key parts': {
      const descriptions = r.texts(value, what);
      return descriptions && { word, descriptions };
    }
    case 'thresholds': {
      const text = r.text(value, what);
      const m = text === null ? null : /^([1-8])\s*\/\s*([1-8])$/.exec(text);
      if (!m) return text === null ? null : r.problem(value, `${what} must be SIGNATURE/REVOCATION, each 1 to 8, like 2/2 (not "${text}").`);
      return { word, signature: Number(m[1]), revocation: Number(m[2]) };
    }
    case 'mode': {
      const mode = oneOf(r, value, what, ['imprint', 'secured'] as const);
      return mode && { word, mode };
    }
    case 'new register': {
      const state = oneOf(r, value, what, NEW_STATES);
      return state && { word, state };
    }
    case 'current register': {
      const state = oneOf(r, value, what, CURRENT_STATES);
      return state && { word, state };
    }
    case 'same vp': {
      const reg = register(r, value, what);
      return reg && { word, register: reg };
    }
    case 'configured the same':
    case 'keys readable': {
      const on = r.flag(value, what);
      if (on === false) return r.problem(value, `${what}: only "yes" can be expected.`);
      return on === null ? null : { word };
    }
    case 'current vp as read back':
    case 'current vp differs from read back': {
      const step = r.integer(value, `${what} (a step number)`, 1, 999);
      return step === null ? null : { word, step };
    }
    default:
      return r.problem(keyNode, `unknown state word "${word}". State words: ${STATE_WORDS.join(', ')}.`);
  }
}

/** One `expect:` entry: `- thresholds: 2/2` or `- { new register: Full Committed, units: [1, 2] }`. */
export function parseExpectation(r: YamlReader, node: Node): Expectation | null {
  const map = r.map(node, 'each expectation');
  if (!map) return null;
  const entries = r.keys(map, 'an expectation');
  const words = entries.filter((e) => e.key !== 'units');
  const unitsEntry = entries.find((e) => e.key === 'units');
  if (words.length !== 1) return r.problem(node, `an expectation names one state word (and optionally "units"); this one has ${words.length}.`);
  const [only] = words;
  if (!only) return null;
  const state = stateWord(r, only.key, only.keyNode, only.value);
  const units = unitsEntry ? r.unitNumbers(unitsEntry.value, '"units"') : null;
  if (!state || (unitsEntry && !units)) return null;
  return { state, units, line: r.line(node) };
}

/** One `read back:` entry: `- new register`, `- current register: [1, 2]`, or `- key part: 2`. */
export function parseReadBack(r: YamlReader, node: Node): ReadBackTarget | null {
  const choices = 'new register, current register, key part: N';
  if (isScalar(node)) {
    const text = r.text(node, 'a read-back');
    if (text === 'new register' || text === 'current register') return { kind: 'register', register: text === 'new register' ? 'new' : 'current', units: null };
    return text === null ? null : r.problem(node, `unknown read-back "${text}". Read-backs: ${choices}.`);
  }
  const map = r.map(node, 'a read-back');
  if (!map) return null;
  const [entry, ...more] = r.keys(map, 'a read-back');
  if (!entry || more.length > 0) return r.problem(node, `a read-back names one verification pattern: ${choices}.`);
  if (entry.key === 'key part') {
    const part = r.integer(entry.value, '"key part" (the part number)', 1, 3);
    return part === null ? null : { kind: 'key part', part };
  }
  if (entry.key === 'new register' || entry.key === 'current register') {
    const units = r.unitNumbers(entry.value, `"${entry.key}"`);
    return units && { kind: 'register', register: entry.key === 'new register' ? 'new' : 'current', units };
  }
  return r.problem(entry.keyNode, `unknown read-back "${entry.key}". Read-backs: ${choices}.`);
}
