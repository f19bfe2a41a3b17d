/**
 * The persisted selection (`SELECTION.json`): the crypto units that HSM commands act on and the
 * signature keys (by SKI) that sign them. Updates are read-modify-write under a lock file.
 */
import { join } from 'node:path';
import { withLock } from '../store/lock.ts';
import { readJsonFileIfExists, writeFileAtomic } from './directory.ts';
import { readHeader, stringListField, type FileContext } from './file-fields.ts';

const FORMAT = 'tkesim-selection';
const VERSION = 1;
export const SELECTION_FILE = 'SELECTION.json';
export const SELECTION_LOCK = 'SELECTION.lock';

export interface Selection {
  /** Crypto unit ids (stable HSM domain ids, not CRYPTO UNIT NUMs). */
  units: readonly string[];
  /** Subject key identifiers of the selected signature keys, 64 lower-case hex digits. */
  signatureKeys: readonly string[];
}

export const EMPTY_SELECTION: Selection = Object.freeze({ units: Object.freeze([]), signatureKeys: Object.freeze([]) });

const isUnitId = (s: string) => s.length > 0 && s.length <= 200;
const isSki = (s: string) => /^[0-9a-f]{64}$/.test(s);

/** Keeps the first occurrence of each value: a selection is a set, in the order chosen. */
function unique(values: readonly string[]): readonly string[] {
  return Object.freeze([...new Set(values)]);
}

function normalize(s: Selection): Selection {
  return Object.freeze({ units: unique(s.units), signatureKeys: unique(s.signatureKeys) });
}

/** The current selection; an absent file is the empty selection, a damaged one an error. */
export async function readSelection(dir: string): Promise<Selection> {
  const file = join(dir, SELECTION_FILE);
  const ctx: FileContext = { kind: 'selection', file };
  const json = await readJsonFileIfExists(file, ctx.kind);
  if (json === undefined) return EMPTY_SELECTION;
  const record = readHeader(json, ctx, FORMAT, VERSION);
  return normalize({
    units: stringListField(record, 'units', ctx, isUnitId),
    signatureKeys: stringListField(record, 'signatureKeys', ctx, isSki),
  });
}

/**
 * Applies `fn` to the current selection and saves the result, holding `SELECTION.lock` so that
 * concurrent updates (from this or another process) never lose each other's changes.
 */
export async function updateSelection(dir: string, fn: (s: Selection) => Selection): Promise<Selection> {
  return withLock(join(dir, SELECTION_LOCK), async () => {
    const next = normalize(fn(await readSelection(dir)));
    if (!next.units.every(isUnitId)) throw new Error('a selected crypto unit id must be a non-empty string');
    if (!next.signatureKeys.every(isSki)) throw new Error('a selected signature key must be a 64-hex-digit subject key identifier');
    const content = { format: FORMAT, version: VERSION, units: next.units, signatureKeys: next.signatureKeys };
    await writeFileAtomic(join(dir, SELECTION_FILE), `${JSON.stringify(content, null, 2)}\n`);
    return next;
  });
}
