/**
 * Where a recording starts, and making it reproducible: a world without a seed is given one when
 * recording starts (and again after a `sim init` without one), so that every random value the
 * session draws is reproduced when the journal is replayed.
 */
import { randomBytes } from 'node:crypto';
import type { World } from '../core/types.ts';
import { provisionWorld, type ProvisionOptions } from '../core/world.ts';
import type { Paths } from '../engine/context.ts';
import { entropyFor, withDraws } from '../engine/entropy.ts';
import { WorldStore } from '../store/store.ts';
import type { JournalStart } from './journal-format.ts';
import { captureState, filesToBase64 } from './state-snapshot.ts';
import { canonicalJson } from './world-digest.ts';

export function newRecordingSeed(): string {
  return `rec-${randomBytes(6).toString('hex')}`;
}

/** A world with this seed and its draw counter from zero (what the recorder and the replay apply). */
export function reseeded(world: World, seed: string): World {
  return { ...world, seed, draws: 0 };
}

/** Gives the stored world a seed if it has none; returns the seed it was given, or null. */
export async function seedIfUnseeded(paths: Paths): Promise<string | null> {
  const store = new WorldStore(paths.home);
  return store.update((doc) => {
    if (!doc || doc.world.seed !== null) return { world: null, result: null };
    const seed = newRecordingSeed();
    return { world: reseeded(doc.world, seed), result: seed };
  });
}

/** The world `sim init --seed` would provision for these options. */
export function provisioned(options: ProvisionOptions): World {
  const source = entropyFor(null, options.seed);
  return withDraws(provisionWorld(options, source.entropy), source);
}

function isEmptySelection(bytes: Buffer): boolean {
  try {
    const s: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof s === 'object' && s !== null && canonicalJson([(s as Record<string, unknown>).units, (s as Record<string, unknown>).signatureKeys]) === '[[],[]]';
  } catch {
    return false;
  }
}

/** How a journal records its start: "provision" when a seed alone recreates it, else a snapshot. */
export async function journalStart(paths: Paths): Promise<JournalStart> {
  const state = await captureState(paths);
  const world = state.world;
  const files = [...state.files].filter(([name, bytes]) => !(name === 'SELECTION.json' && isEmptySelection(bytes)));
  if (world.seed !== null && files.length === 0) {
    const options: ProvisionOptions = { ...world.shape, seed: world.seed };
    if (canonicalJson(provisioned(options)) === canonicalJson(world)) return { kind: 'provision', options };
  }
  return { kind: 'snapshot', world, files: filesToBase64(state.files) };
}
