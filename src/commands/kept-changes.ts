/**
 * What tkesim adds after a refusal that stopped a command part way (reference 8.3): which crypto
 * units took the change before the refusal and keep it, and which did not. Printed after the real
 * CLI's lines, never instead of them; the engine leaves it out with TKESIM_EXPLAIN=0, as it does every
 * explanation of a refusal.
 */
import type { Refusal } from '../core/refusal.ts';
import type { World } from '../core/types.ts';
import { unitNumber } from '../core/world.ts';
import { TKESIM_NOTE } from '../render/index.ts';

/** A refusal, and what the units that accepted before it kept (absent: nothing was kept). */
export interface StoppedCommand {
  readonly refusal: Refusal;
  /** The world with the kept changes. */
  readonly world?: World;
  /** Ids of the units that changed before the refusal. */
  readonly kept?: readonly string[];
  /** Ids of the units that were not changed. */
  readonly untouched?: readonly string[];
}

const units = (nums: readonly number[]): string => `crypto unit${nums.length === 1 ? '' : 's'} ${nums.join(', ')}`;

/**
 * The note, starting with a newline, or '' when no unit kept a change. `batch`: a command of many
 * steps (the auto commands, rotation), where a unit may have taken some steps and not others.
 */
export function keptChangesNote(stopped: StoppedCommand, batch = false): string {
  const { world, kept = [], untouched = [] } = stopped;
  if (!world || kept.length === 0) return '';
  const nums = (ids: readonly string[]) => ids.map((id) => unitNumber(world, id)).filter((n) => n > 0).sort((a, b) => a - b);
  const changed = nums(kept);
  const unchanged = nums(untouched);
  const Changed = units(changed).replace(/^c/, 'C');
  if (batch) {
    return `\n${TKESIM_NOTE}the command stopped at this refusal, and the steps the crypto units had already accepted are kept, as with the real CLI. ${Changed} ${changed.length === 1 ? 'was' : 'were'} changed${unchanged.length > 0 ? `; ${units(unchanged)} ${unchanged.length === 1 ? 'was' : 'were'} not` : ''}. Check the crypto units with cryptounit-compare before you run the command again.`;
  }
  return [
    `\n${TKESIM_NOTE}the command goes to the crypto units one at a time, in CRYPTO UNIT NUM order, and stops at the first refusal.`,
    ` ${Changed} took the change before the refusal and ${changed.length === 1 ? 'keeps' : 'keep'} it`,
    unchanged.length > 0 ? `; ${units(unchanged)} ${unchanged.length === 1 ? 'was' : 'were'} not changed.` : '.',
    ' The selected crypto units are now configured differently (see cryptounit-compare): correct the cause, select only the crypto units that still need the command (cryptounit-rm, cryptounit-add) and run it again.',
  ].join('');
}
