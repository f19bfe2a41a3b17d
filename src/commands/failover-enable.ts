/** failover-enable: add failover crypto units to a provisioned service instance (reference 2.4; IBM's "Enabling or adding failover crypto units"). */
import { addFailoverUnits, backupRegion, failoverCounts, failoverProblem } from '../core/failover.ts';
import { askInteger, askText } from '../engine/ask.ts';
import { DialogEnd, OK, fail } from '../engine/outcome.ts';
import { TKESIM_NOTE, explanationsOn, renderCryptoUnits } from '../render/index.ts';
import type { TkeCommand } from './command.ts';
import { selectedUnits } from './common.ts';

export const failoverEnable: TkeCommand = {
  name: 'failover-enable', group: 'recovery', maxPositionals: 1,
  summary: 'Add failover crypto units to the selected service instance',
  usage: 'failover-enable [TOTAL]',
  details: [
    'Select all crypto units of the service instance first. Asks for the total number of failover crypto units (2 or 3, at most the number of operational crypto units; extra charge), then assigns them in the backup region (us-south <-> us-east; eu-es -> eu-de).',
    'New failover crypto units are in imprint mode and unselected. Initialize them like the operational units: the same administrators (cryptounit-admin-add) and thresholds (cryptounit-thrhld-set), then auto-mk-recover, or the same key parts.',
    'On the real service, raise a support ticket afterwards to enable them; tkesim enables them at once.',
  ].join('\n'),
  async run(ctx, args) {
    const world = await ctx.world();
    const selected = await selectedUnits(ctx, world);
    const problem = failoverProblem(world, selected);
    if (problem) fail(`${problem} Nothing was changed.`);
    const instanceId = selected[0]?.instanceId ?? '';
    const counts = failoverCounts(world, instanceId);
    ctx.io.print([
      `You currently have ${counts.current} failover crypto unit(s) for the selected instance ${instanceId}`,
      `Since you have ${counts.max} operational crypto units for this instance, you can have up to ${counts.max} failover crypto units`,
    ].join('\n'));
    const total = await askInteger(ctx.io, `Enter the total number of failover crypto units you would like (max ${counts.max}):`, 'total number of failover crypto units', counts.min, counts.max, args.positionals[0]);
    ctx.io.print(`\nYou will now have ${total} failover crypto units. This will affect your billing. For more information, see https://cloud.ibm.com/docs/hs-crypto?topic=hs-crypto-faq-pricing\n`);
    const answer = await askText(ctx.io, 'Would you like to continue? [y/n]:');
    if (!/^y(es)?$/i.test(answer)) throw new DialogEnd({ status: 'cancelled', message: 'No failover crypto units were added.' });
    const after = await ctx.change((current, entropy) => {
      const r = addFailoverUnits(current, instanceId, total, entropy);
      return { world: r.world, result: r };
    });
    const { units } = await ctx.selection();
    ctx.io.print([
      '',
      `Instance ${instanceId} targeting backup region ${backupRegion(world) ?? world.region}`,
      `${after.added.length} failover crypto units have been assigned.`,
      'Getting crypto unit info... this may take a moment',
      '',
      renderCryptoUnits(after.world, new Set(units)),
      'You should initialize your failover crypto units now to be prepared for a failover event.',
      ...(explanationsOn(ctx.env) ? [`${TKESIM_NOTE}on the real service, raise a support ticket to enable the new failover crypto units; here they are ready at once.`] : []),
    ].join('\n'));
    return OK;
  },
};
