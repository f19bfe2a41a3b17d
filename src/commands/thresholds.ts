/** cryptounit-thrhld-set (and the deprecated cryptounit-exit-impr): thresholds and imprint mode. */
import { MAX_THRESHOLD } from '../core/unit.ts';
import { askInteger } from '../engine/ask.ts';
import { OK, failed } from '../engine/outcome.ts';
import { collectSigners, signaturesNeeded, submit } from '../engine/signing.ts';
import { renderThresholds } from '../render/index.ts';
import type { TkeCommand } from './command.ts';
import { fresh, ok, refused, selectedUnits } from './common.ts';

export const thrhldSet: TkeCommand = {
  name: 'cryptounit-thrhld-set', group: 'administration', maxPositionals: 2,
  summary: 'Set the signature and revocation thresholds (leaves imprint mode)',
  usage: 'cryptounit-thrhld-set [SIGNATURE_THRESHOLD REVOCATION_THRESHOLD]',
  details: 'Sets both thresholds, 1 to 8 each, at most the number of installed administrators. Setting them in imprint mode leaves imprint mode: the command is then signed by as many installed administrators as the new signature threshold. Afterwards it needs the current signature threshold. A threshold of 2 or more is dual control.',
  async run(ctx, args) {
    const world = await ctx.world();
    const targets = await selectedUnits(ctx, world);
    const sig = await askInteger(ctx.io, 'Enter the new signature threshold value:', 'signature threshold', 1, MAX_THRESHOLD, args.positionals[0]);
    const rev = await askInteger(ctx.io, 'Enter the new revocation signature threshold value:', 'revocation signature threshold', 1, MAX_THRESHOLD, args.positionals[1]);
    const command = { kind: 'thrhld-set', signatureThreshold: sig, revocationThreshold: rev } as const;
    const signers = await collectSigners(ctx, targets, signaturesNeeded(targets, command) ?? 0);
    const result = await submit(ctx, targets, signers, () => command);
    if (!result.ok) return refused(result);
    ok(ctx, 'New signature threshold values have been set in the selected crypto units.', renderThresholds(result.world, fresh(result.world, targets)));
    return OK;
  },
};

export const exitImpr: TkeCommand = {
  name: 'cryptounit-exit-impr', group: 'administration', maxPositionals: 0,
  summary: 'Deprecated: use cryptounit-thrhld-set to leave imprint mode',
  usage: 'cryptounit-exit-impr',
  details: 'This command is deprecated. Crypto units leave imprint mode when their thresholds are set with cryptounit-thrhld-set.',
  async run() {
    return failed('The cryptounit-exit-impr command is deprecated. To leave imprint mode, set the signature thresholds with ibmcloud tke cryptounit-thrhld-set. Nothing was changed.');
  },
};
