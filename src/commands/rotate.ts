/** cryptounit-mk-rotate: re-encipher key storage under the new master key, then promote it. */
import { reencipher } from '../core/key-storage.ts';
import { ROTATION_PROBLEMS, rotationProblem } from '../core/rotation.ts';
import { replaceUnits } from '../core/world.ts';
import { confirm } from '../engine/ask.ts';
import { DialogEnd, OK, fail } from '../engine/outcome.ts';
import { collectSigners, signaturesNeeded, submit } from '../engine/signing.ts';
import type { TkeCommand } from './command.ts';
import { fresh, ok, refused, selectedUnits } from './common.ts';
import { registers } from './views.ts';

export const REWRAP_DONE = 'KMS CRK rewrap successful, waiting on cryptounit-mk-setimm.';

export const mkRotate: TkeCommand = {
  name: 'cryptounit-mk-rotate', group: 'master key', maxPositionals: 0,
  summary: 'Rotate the master key: re-encipher key storage, then activate the new key',
  usage: 'cryptounit-mk-rotate',
  details: [
    'Re-enciphers every key in key storage from the current master key to the committed new master key, inside the crypto units, then promotes new -> current.',
    'Pre-checks: exactly one service instance is selected with all its operational and failover units; none is in imprint mode; all have the same signature threshold; the selected signature keys include enough common administrators; current registers are Valid with the same verification pattern; new registers are Full Committed with the same pattern.',
    'If it stops before the rewrap message, run it again: it resumes. If it stops after, finish with cryptounit-mk-setimm.',
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
    if (!(await confirm(ctx.io, 'Do you want to continue?'))) throw new DialogEnd({ status: 'cancelled', message: 'The master key rotation was cancelled. Nothing was changed.' });
    const { signatureKeys } = await ctx.selection();
    const problem = rotationProblem(world, targets, signatureKeys);
    if (problem) fail(`Master key rotation pre-check failed: ${ROTATION_PROBLEMS[problem]}\nCorrect the cause (check with ibmcloud tke cryptounit-compare) and run the command again. Nothing was changed.`);
    const signers = await collectSigners(ctx, targets, signaturesNeeded(targets, { kind: 'mk-setimm' }) ?? 1);
    ctx.io.print('Master key rotation started.');
    const rewrapped = await ctx.change((current) => {
      const done = fresh(current, targets).map((u) => reencipher(u));
      return { world: replaceUnits(current, done.map((d) => d.unit)), result: done.reduce((n, d) => n + d.rewrapped, 0) };
    });
    ctx.io.progress?.({ kind: 'work', label: 'rewrap', done: rewrapped, total: rewrapped });
    ctx.io.print(REWRAP_DONE);
    const result = await submit(ctx, targets, signers, () => ({ kind: 'mk-setimm' }));
    if (!result.ok) return refused(result);
    ok(ctx, 'Master key rotation successful.', registers(result.world, fresh(result.world, targets)));
    return OK;
  },
};
