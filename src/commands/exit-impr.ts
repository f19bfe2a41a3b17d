/**
 * cryptounit-exit-impr: deprecated, not removed (reference 8.3). It still takes the selected crypto
 * units out of imprint mode, with both thresholds at 1, signed by one installed administrator;
 * cryptounit-thrhld-set replaces it. The units decide (a unit already out of imprint mode refuses).
 */
import { OK } from '../engine/outcome.ts';
import { renderThresholds } from '../render/index.ts';
import type { TkeCommand } from './command.ts';
import { fresh, ok, selectedUnits } from './common.ts';
import { registerCommand } from './master-key.ts';

export const EXIT_IMPR_DEPRECATED =
  "The 'ibmcloud tke cryptounit-exit-impr' command is deprecated.  Use the 'ibmcloud tke cryptounit-thrhld-set' command to set the signature thresholds and exit imprint mode.";

export const exitImpr: TkeCommand = {
  name: 'cryptounit-exit-impr', group: 'administration', maxPositionals: 0,
  summary: 'Deprecated: leave imprint mode (thresholds 1 and 1); use cryptounit-thrhld-set',
  usage: 'cryptounit-exit-impr',
  details: [
    'Deprecated in favour of cryptounit-thrhld-set, but it still works: it takes the selected crypto units out of imprint mode',
    'with a signature threshold and a revocation threshold of 1. It is signed by one installed administrator (a selected',
    'signature key installed in the crypto units). A crypto unit that is not in imprint mode refuses it. Afterwards, raise',
    'the thresholds for dual control with cryptounit-thrhld-set.',
  ].join(' '),
  async run(ctx) {
    const world = await ctx.world();
    const targets = await selectedUnits(ctx, world);
    ctx.io.print(EXIT_IMPR_DEPRECATED);
    const r = await registerCommand(ctx, targets, { kind: 'exit-impr' });
    if ('status' in r) return r;
    ok(ctx, 'The selected crypto units have exited imprint mode.', renderThresholds(r.world, fresh(r.world, targets)));
    return OK;
  },
};
