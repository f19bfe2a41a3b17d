/** cryptounit-zeroize and the control point commands. */
import type { ControlPoint } from '../core/types.ts';
import { confirm } from '../engine/ask.ts';
import { DialogEnd, OK } from '../engine/outcome.ts';
import { renderCompare, renderControlPoints } from '../render/index.ts';
import type { TkeCommand } from './command.ts';
import { fresh, ok, selectedUnits } from './common.ts';
import { keysLost, lossNote } from './explain.ts';
import { registerCommand } from './master-key.ts';

export const zeroize: TkeCommand = {
  name: 'cryptounit-zeroize', group: 'administration', maxPositionals: 0,
  summary: 'Zeroize the selected crypto units (back to imprint mode)',
  usage: 'cryptounit-zeroize',
  details: 'Removes all administrators, clears both master key registers and resets the thresholds to 0, which returns the crypto units to imprint mode. Keys in key storage can no longer be decrypted. Needs 1 signature from an installed administrator (none in imprint mode).',
  async run(ctx) {
    const world = await ctx.world();
    const targets = await selectedUnits(ctx, world);
    if (!(await confirm(ctx.io, 'Are you sure you want to zeroize the selected crypto units?', ctx.env))) {
      throw new DialogEnd({ status: 'cancelled', message: 'The crypto units were not zeroized.' });
    }
    const r = await registerCommand(ctx, targets, { kind: 'zeroize' });
    if ('status' in r) return r;
    const after = fresh(r.world, targets);
    ok(ctx, 'The selected crypto units have been zeroized.', renderCompare(r.world, after) + lossNote(ctx.env, r.world, keysLost(targets, after), 'zeroize'));
    return OK;
  },
};

function controlPoint(name: string, point: ControlPoint, what: string): TkeCommand {
  return {
    name, group: 'administration', maxPositionals: 0,
    summary: `Set control point ${point} (${what})`,
    usage: name,
    details: `Sets the ${point} control point, which enables ${what}. Only needed for instances initialized before the firmware update; check with cryptounit-compare. Needs the signature threshold number of signatures; not allowed in imprint mode.`,
    async run(ctx) {
      const world = await ctx.world();
      const targets = await selectedUnits(ctx, world);
      const r = await registerCommand(ctx, targets, { kind: 'cp-set', point });
      if ('status' in r) return r;
      ok(ctx, `The control point ${point} has been set in the selected crypto units.`, renderControlPoints(r.world, fresh(r.world, targets)));
      return OK;
    },
  };
}

export const cpBtc = controlPoint('cryptounit-cp-btc', 'XCP_CPB_BTC', 'BIP32 (bitcoin) key derivation');
export const cpEddsa = controlPoint('cryptounit-cp-eddsa', 'XCP_CPB_ALG_EC_25519', 'EdDSA signatures');
export const cpSigOther = controlPoint('cryptounit-cp-sig-other', 'XCP_CPB_ECDSA_OTHER', 'Schnorr and other signature schemes');
