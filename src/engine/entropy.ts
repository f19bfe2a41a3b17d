/** Randomness for the engine: the operating system's, or a seeded world's reproducible stream. */
import { randomBytes } from 'node:crypto';
import { seededBytes } from '../core/crypto.ts';
import type { Entropy, World } from '../core/types.ts';

export interface EntropySource {
  readonly entropy: Entropy;
  /** How many draws the world has served after this source was used. */
  draws(): number;
}

export function entropyFor(world: World | null, seed: string | null = world?.seed ?? null): EntropySource {
  if (seed === null) {
    return { entropy: (n) => new Uint8Array(randomBytes(n)), draws: () => world?.draws ?? 0 };
  }
  let draw = world?.seed === seed ? world.draws : 0;
  return {
    entropy: (n) => seededBytes(seed, draw++, n),
    draws: () => draw,
  };
}

/** The world with its draw counter advanced past what `source` consumed. */
export function withDraws(world: World, source: EntropySource): World {
  return world.seed === null ? world : { ...world, draws: source.draws() };
}
