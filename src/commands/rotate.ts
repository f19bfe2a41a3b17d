/** cryptounit-mk-rotate: re-encipher key storage under the new master key, then promote it. */
import { ROTATION_PROBLEMS, rotationProblem } from '../core/rotation.ts';
import { confirm } from '../engine/ask.ts';
import { runBatch } from '../engine/batch.ts';
import { DialogEnd, OK, fail } from '../engine/outcome.ts';
import { collectSigners, forgetSigners, signaturesNeeded, signingKeySkis } from '../engine/signing.ts';
import type { TkeCommand } from './command.ts';
import { batchRefused, fresh, ok, selectedUnits } from './common.ts';
import { interrupted, rewrapAndPromote } from './rotation-steps.ts';
import { registers } from './views.ts';

export { REWRAP_DONE } from './rotation-steps.ts';

export const mkRotate: TkeCommand = {
  name: 'cryptounit-mk-rotate', group: 'master key', maxPositionals: 0,
  summary: 'Rotate the master key: re-encipher key storage, then activate the new key',
  usage: 'cryptounit-mk-rotate',
  details: [
    'Re-enciphers every key in key storage from the current master key to the committed new master key, inside the crypto units, then promotes new -> current.',
    'Pre-checks: exactly one service instance is selected with all its operational and failover units; none is in imprint mode; all have the same signature threshold; the selected signature keys include enough common administrators; current registers are Valid with the same verification pattern; new registers are Full Committed with the same pattern.',
    'If it stops before the rewrap message, run it again: it resumes. If it stops after, finish with cryptounit-mk-setimm. It is also the recovery when auto-mk-rotate stopped after "Delaying 30 seconds".',
  ].join('\n'),
  async run(ctx) {
    const world = await ctx.world();
    const targets = await selectedUnits(ctx, world);
    ctx.io.print([
      'The master key rotation pre-check verifies that:',
      '  - exactly one service instance is selected, with all of its crypto units;',
      '  - no selected crypto unit is in imprint mode and all have the same signature threshold;',
      '  - the selected signature keys are installed administrators, enough to meet the threshold;',
      '  - the current master key registers are Valid and the new master key registers are Full Committed, each with the same verification pattern.',
    ].join('\n'));
    if (!(await confirm(ctx.io, 'Do you want to continue?', ctx.env))) throw new DialogEnd({ status: 'cancelled', message: 'The master key rotation was cancelled. Nothing was changed.' });
    const problem = rotationProblem(world, targets, await signingKeySkis(ctx));
    if (problem) fail(`Master key rotation pre-check failed: ${ROTATION_PROBLEMS[problem]}\nCorrect the cause (check with ibmcloud tke cryptounit-compare) and run the command again. Nothing was changed.`);
    const signers = await collectSigners(ctx, targets, signaturesNeeded(targets, { kind: 'mk-setimm' }) ?? 1, { kind: 'mk-setimm' });
    ctx.io.print('Master key rotation started.');
    const run = await runBatch(ctx, targets, signers, (batch) => rewrapAndPromote(ctx, batch, targets));
    forgetSigners(signers);
    switch (run.end.kind) {
      case 'refused': return batchRefused(run, run.end.refusal);
      case 'interrupted': return interrupted();
      case 'done': {
        ok(ctx, 'Master key rotation successful.', registers(run.after, fresh(run.after, targets)));
        return OK;
      }
    }
  },
};
