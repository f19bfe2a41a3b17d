/** cryptounit-thrhld-set: the thresholds, and how a crypto unit leaves imprint mode. */
import { MAX_THRESHOLD } from '../core/unit.ts';
import { askInteger } from '../engine/ask.ts';
import { OK } from '../engine/outcome.ts';
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
    if (args.positionals[0] === undefined) ctx.io.print('');
    const rev = await askInteger(ctx.io, 'Enter the new revocation signature threshold value:', 'revocation signature threshold', 1, MAX_THRESHOLD, args.positionals[1]);
    const command = { kind: 'thrhld-set', signatureThreshold: sig, revocationThreshold: rev } as const;
    const signers = await collectSigners(ctx, targets, signaturesNeeded(targets, command) ?? 0, command);
    const result = await submit(ctx, targets, signers, () => command);
    if (!result.ok) return refused(result);
    ok(ctx, 'New signature threshold values have been set in the selected crypto units.', renderThresholds(result.world, fresh(result.world, targets)));
    return OK;
  },
};
