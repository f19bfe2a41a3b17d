/** Small seeded worlds for the render tests. */
import { seededBytes } from '../../src/core/crypto.ts';
import type { Admin, CryptoUnit, World } from '../../src/core/types.ts';
import { DEFAULT_PROVISION, provisionWorld, type ProvisionOptions } from '../../src/core/world.ts';

export function testWorld(options: Partial<ProvisionOptions> = {}): World {
  let draw = 0;
  return provisionWorld({ ...DEFAULT_PROVISION, seed: 'render', ...options }, (n) => seededBytes('render', draw++, n));
}

/** The world with unit `index` (0-based) changed. */
export function patchUnit(world: World, index: number, patch: Partial<CryptoUnit>): World {
  return { ...world, units: world.units.map((u, i) => (i === index ? { ...u, ...patch } : u)) };
}

/** Every unit changed the same way. */
export function patchAll(world: World, patch: Partial<CryptoUnit>): World {
  return { ...world, units: world.units.map((u) => ({ ...u, ...patch })) };
}

/** An admin whose SKI is `digit` repeated (64 hex), so the golden strings are easy to read. */
export function admin(name: string, digit: string): Admin {
  return { name, ski: digit.repeat(64), publicKey: '0'.repeat(64) };
}

export const KEY_A = '11'.repeat(32);
export const KEY_B = '22'.repeat(32);

/** A golden block written as lines. */
export const lines = (...ls: string[]): string => ls.join('\n');
