/**
 * cryptounit-cp (reference 8.3): shows, or changes, the setting of one control point identified by
 * its numeric index, in the selected crypto units. Changing it is signed as the cp-* commands are
 * (the signature threshold; not allowed in imprint mode). The units decide: a unit answers a query
 * and refuses an index it does not have (32), and enforces the signature rules of a change.
 */
import { CONTROL_POINT_INDICES, controlPointAt, queryControlPoint } from '../core/control-points.ts';
import { askText } from '../engine/ask.ts';
import { OK, fail, failed } from '../engine/outcome.ts';
import { renderControlPoint, renderControlPoints, renderRefusal, renderTable } from '../render/index.ts';
import type { TkeCommand } from './command.ts';
import { fresh, ok, selectedUnits } from './common.ts';
import { registerCommand } from './master-key.ts';

const INDEX_PROMPT = 'Enter the numeric value of the control point to display or change:';
const CHANGE_PROMPT = 'Enter 1 to set the control point, 0 to reset it, or press Enter to leave it unchanged:';

/** The indices tkesim models, as a table for help. */
export function controlPointIndexTable(): string {
  return renderTable(['INDEX', 'CONTROL POINT', 'ENABLES'], CONTROL_POINT_INDICES.map((c) => [String(c.index), c.point, c.enables]));
}

function parseIndex(text: string): number {
  if (!/^\d{1,3}$/.test(text)) fail(`${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text)} is not a valid control point value: enter a whole number, for example 55. Nothing was changed.`);
  return Number(text);
}

export const cryptounitCp: TkeCommand = {
  name: 'cryptounit-cp', group: 'administration', maxPositionals: 2,
  summary: 'Show or change a control point given by its numeric value',
  usage: 'cryptounit-cp [INDEX [1|0]]',
  details: [
    'Shows the setting of one control point in the selected crypto units, then sets (1) or resets (0) it, or leaves it',
    'unchanged (an empty answer). A change needs the signature threshold number of signatures and is not allowed in',
    'imprint mode, as for the cryptounit-cp-* commands. The crypto units refuse an index they do not have (return code 32).',
    'tkesim models these control points (the CONTROL POINTS section of cryptounit-compare):',
    '',
    controlPointIndexTable(),
  ].join('\n'),
  async run(ctx, args) {
    const world = await ctx.world();
    const targets = await selectedUnits(ctx, world);
    const index = parseIndex(args.positionals[0] ?? (await askText(ctx.io, INDEX_PROMPT)));
    for (const u of targets) {
      const answer = queryControlPoint(u, index);
      if (!answer.ok) {
        const r = { ...answer.refusal, unit: world.units.indexOf(u) + 1 };
        return failed(renderRefusal(r), r);
      }
    }
    const info = controlPointAt(index);
    if (!info) fail('No such control point.');
    ctx.io.print(renderControlPoint(world, targets, info.point));
    const choice = args.positionals[1] ?? (await askText(ctx.io, CHANGE_PROMPT));
    if (choice === '') return OK;
    if (choice !== '1' && choice !== '0') fail(`${JSON.stringify(choice.slice(0, 40))} is not a valid answer: enter 1 to set the control point or 0 to reset it. Nothing was changed.`);
    const set = choice === '1';
    const r = await registerCommand(ctx, targets, { kind: 'cp-change', index, set });
    if ('status' in r) return r;
    ok(ctx, `The control point ${info.point} (${index}) has been ${set ? 'set' : 'reset'} in the selected crypto units.`, renderControlPoints(r.world, fresh(r.world, targets)));
    return OK;
  },
};
