/**
 * Where a recording starts. A freshly provisioned seeded world with an empty workstation is
 * recorded as its provision options (take-over provisions it again and re-executes the commands);
 * any other state only as its public view (take-over continues on stand-in secrets).
 */
import type { World } from '../core/types.ts';
import { provisionWorld, type ProvisionOptions } from '../core/world.ts';
import { entropyFor, withDraws } from '../engine/entropy.ts';
import type { ShellEngine } from '../shell/controller.ts';
import type { JournalStart } from './journal-format.ts';
import { stateView } from './state-view.ts';
import { canonicalJson } from './world-digest.ts';

/** The world `sim init --seed` would provision for these options. */
export function provisioned(options: ProvisionOptions): World {
  const source = entropyFor(null, options.seed);
  return withDraws(provisionWorld(options, source.entropy), source);
}

/** How a journal records its start. */
export async function journalStart(engine: Pick<ShellEngine, 'world' | 'selection' | 'paths'>): Promise<JournalStart> {
  const [world, view] = await Promise.all([engine.world(), stateView(engine)]);
  const empty = view.workstation.signatureKeys.length === 0 && view.workstation.keyParts.length === 0 && view.selection.units.length === 0;
  if (world.seed !== null && empty) {
    const options: ProvisionOptions = { ...world.shape, seed: world.seed };
    if (canonicalJson(provisioned(options)) === canonicalJson(world)) return { kind: 'provision', options, view };
  }
  return { kind: 'view', view };
}
