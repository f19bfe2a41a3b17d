/** The facts of a workstation directory that state checks read: names, SKIs, VPs, the selection (no secret). */
import type { WorkstationFacts } from '../core/state-checks.ts';
import { listKeyParts } from './key-parts.ts';
import { readSelection } from './selection.ts';
import { listSignatureKeys } from './signature-keys.ts';

export async function readWorkstationFacts(tkeFiles: string): Promise<WorkstationFacts> {
  const [keys, parts, selection] = await Promise.all([listSignatureKeys(tkeFiles), listKeyParts(tkeFiles), readSelection(tkeFiles)]);
  return {
    signatureKeys: keys.map((k) => ({ keynum: k.keynum, name: k.name, ski: k.ski })),
    keyParts: parts.map((p) => ({ keynum: p.keynum, description: p.description, vp: p.vp })),
    selectedUnits: selection.units,
    selectedSignatureKeys: selection.signatureKeys,
  };
}
