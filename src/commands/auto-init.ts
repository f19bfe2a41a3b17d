/**
 * auto-init: initialize a whole service instance in one command (reference 2.4): administrators,
 * thresholds, and a random master key generated in a recovery crypto unit and transferred, sealed,
 * to every other unit of the instance.
 */
import { adminCertificatePayload } from '../core/command.ts';
import { toHex } from '../core/crypto.ts';
import { AUTO_INIT_PROBLEMS, autoInitProblem } from '../core/recovery.ts';
import type { CryptoUnit } from '../core/types.ts';
import { runBatch, type Batch, type BatchEnd } from '../engine/batch.ts';
import type { CommandContext } from '../engine/context.ts';
import { DialogEnd, OK, fail } from '../engine/outcome.ts';
import { forgetSigners, type Signer } from '../engine/signing.ts';
import { askAutoInit, type AutoInitAnswers } from './auto-init-dialog.ts';
import type { TkeCommand } from './command.ts';
import { batchRefused, fresh, ok } from './common.ts';
import { keysUnreadable, lossNote } from './explain.ts';
import { chooseInstance, selectWholeInstance } from './instance-choice.ts';
import { transferMasterKey } from './transfer-steps.ts';

async function installAdmins(ctx: CommandContext, batch: Batch, units: readonly CryptoUnit[], admins: readonly Signer[]): Promise<BatchEnd<null> | null> {
  // As IBM's SDK does: a unit in imprint mode that still carries administrators is zeroized first.
  const leftovers = units.filter((u) => u.admins.length > 0);
  const cleared = await batch.sendAll(leftovers, () => ({ kind: 'zeroize' }));
  if (cleared) return { kind: 'refused', refusal: cleared };
  for (const [i, admin] of admins.entries()) {
    ctx.io.print(`Installing ${i + 1} of ${admins.length} administrators....`);
    const { name, publicKey } = admin;
    const refusal = await batch.sendAll(units, async (u, counter) => ({
      kind: 'admin-add', name, publicKey,
      proof: toHex(await admin.sign(adminCertificatePayload(name, publicKey, u.id, counter))),
    }));
    if (refusal) return { kind: 'refused', refusal };
  }
  return null;
}

async function initialize(ctx: CommandContext, batch: Batch, units: readonly CryptoUnit[], answers: AutoInitAnswers): Promise<BatchEnd<null>> {
  const stopped = await installAdmins(ctx, batch, units, answers.admins);
  if (stopped) return stopped;
  ctx.io.print('Setting signature thresholds....');
  const thresholds = await batch.sendAll(units, () => ({ kind: 'thrhld-set', signatureThreshold: answers.signatureThreshold, revocationThreshold: answers.revocationThreshold }));
  if (thresholds) return { kind: 'refused', refusal: thresholds };
  const source = units.find((u) => u.type === 'RECOVERY');
  if (!source) throw new Error('auto-init without a recovery crypto unit (autoInitProblem refuses this)');
  ctx.io.print('Generating a random master key value....');
  const random = await batch.send(source.id, () => ({ kind: 'mk-random' }));
  if (!random.ok) return { kind: 'refused', refusal: random.refusal };
  const targets = units.filter((u) => u.id !== source.id);
  for (const [k, target] of targets.entries()) {
    ctx.io.print(`Transferring the master key value to ${k + 1} of ${targets.length} crypto units....`);
    const refusal = await transferMasterKey(batch, source, target, 'current', true);
    if (refusal) return { kind: 'refused', refusal };
  }
  return { kind: 'done', result: null };
}

export const autoInit: TkeCommand = {
  name: 'auto-init', group: 'recovery', maxPositionals: 1,
  summary: 'Initialize a service instance with a random master key from a recovery crypto unit',
  usage: 'auto-init [INSTANCE_NUM]',
  details: [
    'Selects every crypto unit of the service instance (failover included), then asks for the signature and revocation thresholds, the number of administrators, existing signature keys to use (new ones are created for the rest), and installs them.',
    'A random master key is generated in a recovery crypto unit and transferred to every other unit: the target makes an importer key, the recovery unit exports the value sealed to it, the target imports, commits and activates it. The value never leaves the units in clear.',
    'Every unit must be in imprint mode (zeroized). Never zeroize units whose key storage holds data. Not available without recovery crypto units (eu-es).',
  ].join('\n'),
  async run(ctx, args) {
    const world = await ctx.world();
    const instance = await chooseInstance(ctx, world, 'initialize', args.positionals);
    const units = await selectWholeInstance(ctx, world, instance);
    const problem = autoInitProblem(units);
    if (problem) fail(`${AUTO_INIT_PROBLEMS[problem]}\nNothing was changed in the crypto units.`);
    if ((await ctx.io.ask({ kind: 'text', prompt: 'Press enter to continue or Ctrl-c to exit.' })) === null) {
      throw new DialogEnd({ status: 'cancelled', message: 'auto-init was cancelled. Nothing was changed.' });
    }
    ctx.io.print('');
    const answers = await askAutoInit(ctx);
    ctx.io.print('');
    const run = await runBatch(ctx, units, answers.admins, (batch) => initialize(ctx, batch, units, answers));
    forgetSigners(answers.admins);
    if (run.end.kind !== 'done') {
      return run.end.kind === 'refused' ? batchRefused(run, run.end.refusal) : fail('auto-init was interrupted.');
    }
    const lost = keysUnreadable(fresh(run.after, units));
    ctx.io.print('');
    ok(ctx,
      'The selected service instance has been initialized.',
      `To see what administrators are installed and what signature threshold and master key register values are set, use the 'ibmcloud tke cryptounit-compare' command.${lossNote(ctx.env, run.after, lost, 'auto-init-after-zeroize')}`);
    return OK;
  },
};
