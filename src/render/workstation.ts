/** `sigkeys` and `mks`: the files in the workstation's CLOUDTKEFILES directory. */
import { renderTable } from './table.ts';
import { shortSki, vpCell } from './vp.ts';

export interface SignatureKeyRow {
  readonly keynum: number;
  readonly name: string;
  readonly ski: string;
}

export interface KeyPartRow {
  readonly keynum: number;
  readonly description: string;
  readonly vp: string;
}

export const NO_SIGNATURE_KEYS = 'No files containing a signature key were found.';
export const SIGKEY_ADD_HINT = "To create a file containing a signature key, use the 'ibmcloud tke sigkey-add' command.";
export const NO_KEY_PARTS = 'No files containing an EP11 master key part were found.';
export const KEY_PARTS_INTRO = 'The available EP11 master key parts on this workstation are:';

/** The status line under the sigkeys table. */
export function selectionLine(keynums: readonly number[]): string {
  if (keynums.length === 0) return 'No KEYNUM are selected as current signature keys.';
  if (keynums.length === 1) return `KEYNUM ${keynums[0]} is selected as the current signature key.`;
  return `KEYNUM ${keynums.join(' ')} are selected as the current signature keys.`;
}

/** The sigkeys table, a blank line, the selection line and a blank line. */
export function renderSignatureKeys(keys: readonly SignatureKeyRow[], selectedSkis: ReadonlySet<string>): string {
  if (keys.length === 0) return [NO_SIGNATURE_KEYS, '', SIGKEY_ADD_HINT].join('\n');
  const sorted = [...keys].sort((a, b) => a.keynum - b.keynum);
  const table = renderTable(
    ['KEYNUM', 'DESCRIPTION', 'SUBJECT KEY IDENTIFIER'],
    sorted.map((k) => [String(k.keynum), k.name, shortSki(k.ski)]),
  );
  const selected = sorted.filter((k) => selectedSkis.has(k.ski)).map((k) => k.keynum);
  return [table, '', selectionLine(selected), ''].join('\n');
}

/** The mks table alone (two-line verification patterns), as cryptounit-mk-load shows it. */
export function renderKeyPartTable(parts: readonly KeyPartRow[]): string {
  const sorted = [...parts].sort((a, b) => a.keynum - b.keynum);
  return renderTable(
    ['KEYNUM', 'DESCRIPTION', 'VERIFICATION PATTERN'],
    sorted.map((p) => [String(p.keynum), p.description, vpCell(p.vp)]),
  );
}

/**
 * The mks listing: the intro line, a blank line and the table (two-line verification patterns).
 * The real CLI prints no hint after the empty message (unlike sigkeys).
 */
export function renderKeyParts(parts: readonly KeyPartRow[]): string {
  if (parts.length === 0) return NO_KEY_PARTS;
  return [KEY_PARTS_INTRO, '', renderKeyPartTable(parts)].join('\n');
}
