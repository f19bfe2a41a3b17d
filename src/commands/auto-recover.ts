/**
 * auto-mk-recover (also auto-recover): copy the current master key of a selected recovery crypto
 * unit into the current registers of the other selected units (reference 2.4, 7; IBM's "Recovering
 * a master key from a recovery crypto unit"): a unit zeroized or cleared by mistake, replaced
 * hardware, failover units, or one master key shared by instances of the resource group.
 */
import { RECOVER_PROBLEMS, recoverPlan, type RecoverPlan } from '../core/recovery.ts';
import { registerVp } from '../core/unit.ts';
import type { World } from '../core/types.ts';
import { unitNumber } from '../core/world.ts';
import { confirm } from '../engine/ask.ts';
import { runBatch, type Batch, type BatchEnd } from '../engine/batch.ts';
import type { CommandContext } from '../engine/context.ts';
import { DialogEnd, OK, fail } from '../engine/outcome.ts';
import { collectSigners, forgetSigners, signingKeySkis } from '../engine/signing.ts';
import { renderCurrentRegister } from '../render/index.ts';
import type { TkeCommand } from './command.ts';
import { batchRefused, fresh, ok, selectedUnits } from './common.ts';
import { keysLost, lossNote } from './explain.ts';
import { transferMasterKey } from './transfer-steps.ts';

async function recover(ctx: CommandContext, batch: Batch, plan: RecoverPlan): Promise<BatchEnd<null>> {
  for (const [k, target] of plan.targets.entries()) {
    ctx.io.print(`Transferring the master key value to ${k + 1} of ${plan.targets.length} crypto units....`);
    const refusal = await transferMasterKey(batch, plan.source, target, 'current', true);
    if (refusal) return { kind: 'refused', refusal };
  }
  return { kind: 'done', result: null };
}

const nums = (world: World, units: RecoverPlan['targets']): string => units.map((u) => unitNumber(world, u.id)).join(', ');

/** A target that holds another valid master key loses what is encrypted under it: say so and ask first. */
async function confirmOverwrite(ctx: CommandContext, world: World, plan: RecoverPlan): Promise<void> {
  const holding = plan.targets.filter((u) => u.currentRegister.state === 'Valid');
  if (holding.length === 0) return;
  ctx.io.print(`WARNING: Crypto unit ${nums(world, holding)} holds a different current master key. Key storage encrypted under it will be unusable after the recovery.`);
  if (!(await confirm(ctx.io, 'Do you want to continue?', ctx.env))) throw new DialogEnd({ status: 'cancelled', message: 'The master key recovery was cancelled. Nothing was changed.' });
}

export const autoMkRecover: TkeCommand = {
  name: 'auto-mk-recover', aliases: ['auto-recover'], group: 'recovery', maxPositionals: 0,
  summary: 'Copy the current master key of a recovery crypto unit to the other selected crypto units',
  usage: 'auto-mk-recover',
  details: [
    'Select the source recovery crypto unit and the target crypto units with cryptounit-add (targets may be operational, recovery or failover units, even of another service instance in the resource group) and check them with cryptounit-compare.',
    'Source and targets must be out of imprint mode, have the same signature threshold, and share enough administrators among the selected signature keys. The value is exported sealed to each target\'s importer key, imported, committed and activated; units that already hold it are left alone.',
    'Use it after a unit was zeroized or its current register cleared by mistake, to initialize failover units, or to share one master key between instances. Also accepted as auto-recover.',
  ].join('\n'),
  async run(ctx) {
    const world = await ctx.world();
    const selected = await selectedUnits(ctx, world);
    const check = recoverPlan(selected, await signingKeySkis(ctx));
    if (!check.ok) fail(`Master key recovery pre-check failed: ${RECOVER_PROBLEMS[check.problem]}\nCorrect the cause (check with ibmcloud tke cryptounit-compare) and run the command again. Nothing was changed.`);
    const { plan } = check;
    const vp = registerVp(plan.source.currentRegister.key);
    ctx.io.print(`Recovering the master key value from recovery crypto unit ${unitNumber(world, plan.source.id)} (verification pattern ${vp.slice(0, 32)}...) into crypto unit ${nums(world, plan.targets)}.`);
    if (plan.alreadySet.length > 0) ctx.io.print(`Crypto unit ${nums(world, plan.alreadySet)} already holds this master key value and is left as it is.`);
    await confirmOverwrite(ctx, world, plan);
    const involved = [plan.source, ...plan.targets];
    const signers = await collectSigners(ctx, involved, plan.source.signatureThreshold);
    const run = await runBatch(ctx, involved, signers, (batch) => recover(ctx, batch, plan));
    forgetSigners(signers);
    if (run.end.kind !== 'done') return run.end.kind === 'refused' ? batchRefused(run, run.end.refusal) : fail('The master key recovery was interrupted.');
    const after = fresh(run.after, selected);
    ok(ctx, 'The master key value has been recovered in the selected crypto units.', renderCurrentRegister(run.after, after) + lossNote(ctx.env, run.after, keysLost(fresh(run.before, plan.targets), fresh(run.after, plan.targets)), 'recover-overwrite'));
    return OK;
  },
};
