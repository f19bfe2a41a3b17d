/**
 * The secret-free view of a session's state that a journal keeps after every command: the world's
 * public view, the selection, and the workstation as `sigkeys` and `mks` list it. Its digest is
 * what replay and take-over compare.
 */
import { publicView } from '../core/public-view.ts';
import type { Paths } from '../engine/context.ts';
import type { ShellEngine } from '../shell/controller.ts';
import { listKeyParts, listSignatureKeys } from '../workstation/index.ts';
import type { StateView } from './journal-format.ts';
import { canonicalJson } from './world-digest.ts';
import { createHash } from 'node:crypto';

export async function workstationView(paths: Paths | undefined): Promise<StateView['workstation']> {
  if (!paths) return { signatureKeys: [], keyParts: [] };
  const [keys, parts] = await Promise.all([listSignatureKeys(paths.tkeFiles).catch(() => []), listKeyParts(paths.tkeFiles).catch(() => [])]);
  return {
    signatureKeys: keys.map((k) => ({ keynum: k.keynum, name: k.name, ski: k.ski })),
    keyParts: parts.map((p) => ({ keynum: p.keynum, description: p.description, vp: p.vp })),
  };
}

export async function stateView(engine: Pick<ShellEngine, 'world' | 'selection' | 'paths'>): Promise<StateView> {
  const [world, selection, workstation] = await Promise.all([engine.world(), engine.selection(), workstationView(engine.paths)]);
  return {
    world: publicView(world),
    selection: { units: [...selection.units], signatureKeyNames: [...selection.signatureKeyNames] },
    workstation,
  };
}

export function viewDigest(view: StateView): string {
  return createHash('sha256').update(canonicalJson(view)).digest('hex');
}
