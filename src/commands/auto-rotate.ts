/**
 * auto-mk-rotate: rotation with a random new master key from a recovery crypto unit (reference 2.4,
 * 4.3, 4.4): a random value in the recovery unit's new register, copied sealed to every other
 * unit's new register, "Delaying 30 seconds ...", committed, key storage re-enciphered
 * ("KMS CRK rewrap successful ..."), then promoted.
 */
import { ROTATION_PROBLEMS, rotationProblem } from '../core/rotation.ts';
import type { CryptoUnit } from '../core/types.ts';
import { runBatch, type Batch, type BatchEnd } from '../engine/batch.ts';
import type { CommandContext } from '../engine/context.ts';
import { OK, fail } from '../engine/outcome.ts';
import { collectSigners, forgetSigners, signingKeySkis } from '../engine/signing.ts';
import type { TkeCommand } from './command.ts';
import { batchRefused, fresh, ok } from './common.ts';
import { keysLost, lossNote } from './explain.ts';
import { chooseInstance, selectWholeInstance } from './instance-choice.ts';
import { interrupted, rewrapAndPromote } from './rotation-steps.ts';
import { commitNew, transferMasterKey } from './transfer-steps.ts';
import { registers } from './views.ts';

export const DELAYING = 'Delaying 30 seconds to allow server to discover new master key values';

async function rotate(ctx: CommandContext, batch: Batch, units: readonly CryptoUnit[]): Promise<BatchEnd<null>> {
  // A rerun overwrites whatever an earlier run left in the new registers (reference 4.4).
  const cleared = await batch.sendAll(units.filter((u) => u.newRegister.state !== 'Empty'), () => ({ kind: 'mk-clrnew' }));
  if (cleared) return { kind: 'refused', refusal: cleared };
  const source = units.find((u) => u.type === 'RECOVERY');
  if (!source) throw new Error('auto-mk-rotate without a recovery crypto unit (the pre-check refuses this)');
  ctx.io.print('Generating a random master key value....');
  const random = await batch.send(source.id, () => ({ kind: 'mk-random' }));
  if (!random.ok) return { kind: 'refused', refusal: random.refusal };
  const targets = units.filter((u) => u.id !== source.id);
  for (const [k, target] of targets.entries()) {
    ctx.io.print(`Transferring the master key value to ${k + 1} of ${targets.length} crypto units....`);
    const refusal = await transferMasterKey(batch, source, target, 'new', false);
    if (refusal) return { kind: 'refused', refusal };
  }
  ctx.io.print(DELAYING);
  const committed = await commitNew(batch, units);
  if (committed) return { kind: 'refused', refusal: committed };
  return rewrapAndPromote(ctx, batch, units);
}

export const autoMkRotate: TkeCommand = {
  name: 'auto-mk-rotate', group: 'recovery', maxPositionals: 1,
  summary: 'Rotate the master key with a random value from a recovery crypto unit',
  usage: 'auto-mk-rotate [INSTANCE_NUM]',
  details: [
    'Selects every crypto unit of the service instance, checks them (none in imprint mode, same signature threshold, enough common administrators among the selected signature keys, current registers Valid with the same verification pattern), then generates a random master key in the new register of a recovery crypto unit, copies it sealed to every other unit, commits it, re-enciphers key storage and promotes it.',
    'If it stops: with neither "Delaying 30 seconds ..." nor "KMS CRK rewrap successful ..." printed, run it again. With only the first printed, run cryptounit-mk-rotate and do NOT rerun auto-mk-rotate: that would replace the new master key and make key storage unusable. With both printed, finish with cryptounit-mk-setimm.',
    'Do not use it when PKCS #11 keystores are enabled.',
  ].join('\n'),
  async run(ctx, args) {
    const world = await ctx.world();
    const instance = await chooseInstance(ctx, world, 'rotate the master key of', args.positionals);
    const units = await selectWholeInstance(ctx, world, instance);
    const problem = rotationProblem(world, units, await signingKeySkis(ctx), 'recovery');
    if (problem) fail(`Master key rotation pre-check failed: ${ROTATION_PROBLEMS[problem]}\nCorrect the cause (check with ibmcloud tke cryptounit-compare) and run the command again. Nothing was changed.`);
    const signers = await collectSigners(ctx, units, Math.max(...units.map((u) => u.signatureThreshold)));
    ctx.io.print('Master key rotation started.');
    const run = await runBatch(ctx, units, signers, (batch) => rotate(ctx, batch, units));
    forgetSigners(signers);
    switch (run.end.kind) {
      case 'refused': return batchRefused(run, run.end.refusal);
      case 'interrupted': return interrupted();
      case 'done': {
        const after = fresh(run.after, units);
        ok(ctx, 'Master key rotation successful.', registers(run.after, after) + lossNote(ctx.env, run.after, keysLost(fresh(run.before, units), after), 'auto-rotate-rerun'));
        return OK;
      }
    }
  },
};
