/** Reads the lesson state: the lesson world and the facts of its workstation directory (no secret). */
import type { World } from '../core/types.ts';
import { listKeyParts, listSignatureKeys, readSelection } from '../workstation/index.ts';
import type { LessonState, WorkstationFacts } from './model.ts';

export async function readWorkstation(tkeFiles: string): Promise<WorkstationFacts> {
  const [keys, parts, selection] = await Promise.all([listSignatureKeys(tkeFiles), listKeyParts(tkeFiles), readSelection(tkeFiles)]);
  return {
    signatureKeys: keys.map((k) => ({ keynum: k.keynum, name: k.name, ski: k.ski })),
    keyParts: parts.map((p) => ({ keynum: p.keynum, description: p.description, vp: p.vp })),
    selectedUnits: selection.units,
    selectedSignatureKeys: selection.signatureKeys,
  };
}

export async function readLessonState(world: World, tkeFiles: string): Promise<LessonState> {
  return { world, workstation: await readWorkstation(tkeFiles) };
}
