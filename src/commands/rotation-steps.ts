/**
 * The second half of every rotation (cryptounit-mk-rotate, auto-mk-rotate): re-encipher key
 * storage inside the units, report it, then promote new -> current. A drill armed with
 * `tkesim sim fault rotate-before-rewrap|rotate-after-rewrap` stops it where the reference's
 * troubleshooting section (4.4) says a real rotation can stop.
 */
import { faultsOf, withFaults } from '../core/faults.ts';
import { reencipher } from '../core/key-storage.ts';
import type { CryptoUnit, World } from '../core/types.ts';
import { replaceUnits } from '../core/world.ts';
import type { Batch, BatchEnd } from '../engine/batch.ts';
import type { CommandContext } from '../engine/context.ts';
import { failed, type Outcome } from '../engine/outcome.ts';

export const REWRAP_DONE = 'KMS CRK rewrap successful, waiting on cryptounit-mk-setimm.';

function rewrap(world: World, ids: readonly string[], limit: (u: CryptoUnit) => number): { world: World; rewrapped: number } {
  const done = world.units.filter((u) => ids.includes(u.id)).map((u) => reencipher(u, limit(u)));
  return { world: replaceUnits(world, done.map((d) => d.unit)), rewrapped: done.reduce((n, d) => n + d.rewrapped, 0) };
}

/** Re-enciphers key storage and promotes the new master key in `units`, unless a drill interrupts. */
export async function rewrapAndPromote(ctx: CommandContext, batch: Batch, units: readonly CryptoUnit[]): Promise<BatchEnd<null>> {
  const armed = faultsOf(batch.world).interruption;
  const ids = units.map((u) => u.id);
  if (armed === 'before-rewrap') {
    batch.update((w) => withFaults(rewrap(w, ids, (u) => Math.ceil(u.keyStorage.total / 2)).world, { interruption: null }));
    return { kind: 'interrupted', result: null };
  }
  let rewrapped = 0;
  batch.update((w) => {
    const r = rewrap(w, ids, () => Infinity);
    rewrapped = r.rewrapped;
    return r.world;
  });
  ctx.io.progress?.({ kind: 'work', label: 'rewrap', done: rewrapped, total: rewrapped });
  ctx.io.print(REWRAP_DONE);
  const promote = armed === 'after-rewrap' ? units.filter((u) => u.type !== 'RECOVERY').slice(0, 1) : units;
  const refusal = await batch.sendAll(promote, () => ({ kind: 'mk-setimm' }));
  if (refusal) return { kind: 'refused', refusal };
  if (armed === 'after-rewrap') {
    batch.update((w) => withFaults(w, { interruption: null }));
    return { kind: 'interrupted', result: null };
  }
  return { kind: 'done', result: null };
}

/** How an interrupted rotation ends: FAILED, what was simulated, and where to look next. */
export function interrupted(): Outcome {
  return failed([
    'FAILED',
    'The connection to the crypto units was lost before the command finished (a drill armed with tkesim sim fault).',
    'Check which of the messages above were printed, then follow the troubleshooting steps for an interrupted rotation; tkesim sim fault list describes them.',
  ].join('\n'));
}
