/** cryptounit-mk-load, -commit, -setimm, -clrnew, -clrcur: the master key registers. */
import type { UnitCommand } from '../core/command.ts';
import { fromHex, sealTo, toHex, xorParts } from '../core/crypto.ts';
import type { CryptoUnit, World } from '../core/types.ts';
import { registerVp } from '../core/unit.ts';
import { askNumbers, askSecret, confirm } from '../engine/ask.ts';
import type { CommandContext } from '../engine/context.ts';
import { DialogEnd, OK, fail, type Outcome } from '../engine/outcome.ts';
import { collectSigners, signaturesNeeded, submit } from '../engine/signing.ts';
import { rememberSecret } from '../engine/secrets.ts';
import { SETIMM_WARNING, explanationsOn, renderCurrentRegister, renderKeyPartTable, renderKeyParts, renderNewRegister } from '../render/index.ts';
import { listKeyParts, openKeyPart } from '../workstation/index.ts';
import type { TkeCommand } from './command.ts';
import { fresh, ok, refused, selectedUnits } from './common.ts';
import { keysLost, lossNote, setimmRiskNote } from './explain.ts';
import { registers } from './views.ts';

export const mkLoad: TkeCommand = {
  name: 'cryptounit-mk-load', group: 'master key', maxPositionals: 3,
  summary: 'Load the new master key register from 2 or 3 key parts',
  usage: 'cryptounit-mk-load [KEYNUM KEYNUM [KEYNUM]]',
  details: 'Combines 2 or 3 master key part files into a master key and loads it into the new register of every selected crypto unit (Empty -> Full Uncommitted). Needs 1 signature; not allowed in imprint mode. The key travels sealed to each unit\'s importer key. During a rotation at least one part must be new.',
  async run(ctx, args) {
    const world = await ctx.world();
    const targets = await selectedUnits(ctx, world);
    const parts = await listKeyParts(ctx.paths.tkeFiles);
    // A blank line, the table without the mks intro line, a blank line, then the two-line prompt (reference 8.1).
    ctx.io.print(parts.length === 0 ? renderKeyParts(parts) : ['', renderKeyPartTable(parts), ''].join('\n'));
    if (parts.length < 2) fail('At least 2 master key parts are needed. Create them with ibmcloud tke mk-add --random.');
    const nums = await askNumbers(ctx.io, 'Enter the KEYNUM values of the master key parts you wish to load.\n2 or 3 values must be specified, separated by spaces.', { noun: 'KEYNUM', allowed: parts.map((p) => p.keynum), count: [2, 3] }, args.positionals);
    const sample: UnitCommand = { kind: 'mk-load', sender: '', nonce: '', box: '' };
    const needed = signaturesNeeded(targets, sample);
    if (needed === null) {
      const result = await submit(ctx, targets, [], () => sample);
      return result.ok ? OK : refused(result);
    }
    const signers = await collectSigners(ctx, targets, needed, sample);
    const values: Uint8Array[] = [];
    for (const [i, n] of nums.entries()) {
      const entry = parts.find((p) => p.keynum === n);
      if (!entry) fail('No such KEYNUM.');
      // The real prompt first; tkesim names the part after it, so each custodian knows it is theirs.
      const named = explanationsOn(ctx.env) ? `\ntkesim: key part KEYNUM ${n}, "${entry.description}"` : '';
      const value = await openKeyPart(entry, await askSecret(ctx.io, `Enter the password for key file ${i + 1}${named}`, 'password'));
      if (!value) fail(`The password for key file ${i + 1} (KEYNUM ${n}, ${entry.description}) is not valid. Nothing was sent to the crypto units.`);
      rememberSecret(toHex(value), 'key part value');
      values.push(value);
    }
    const key = xorParts(values);
    rememberSecret(toHex(key), 'master key');
    const result = await submit(ctx, targets, signers, (u, entropy) => {
      const nonce = entropy(24);
      const sealed = sealTo(key, fromHex(u.importer.publicKey), entropy(32), nonce);
      return { kind: 'mk-load', sender: toHex(sealed.sender), nonce: toHex(nonce), box: toHex(sealed.box) };
    });
    key.fill(0);
    if (!result.ok) return refused(result);
    ok(ctx, 'The new master key register has been loaded in the selected crypto units.', renderNewRegister(result.world, fresh(result.world, targets)));
    return OK;
  },
};

/** Signs and submits one command to the targets: the world after it, or the refusal. */
export async function registerCommand(ctx: CommandContext, targets: CryptoUnit[], command: UnitCommand): Promise<{ world: World } | Outcome> {
  const needed = signaturesNeeded(targets, command);
  const signers = needed === null ? [] : await collectSigners(ctx, targets, needed, command);
  const result = await submit(ctx, targets, signers, () => command);
  return result.ok ? { world: result.world } : refused(result);
}

export const mkCommit: TkeCommand = {
  name: 'cryptounit-mk-commit', group: 'master key', maxPositionals: 0,
  summary: 'Commit the new master key register',
  usage: 'cryptounit-mk-commit',
  details: 'Moves the new register from Full Uncommitted to Full Committed. Needs the signature threshold number of signatures (the full set); not allowed in imprint mode. The command carries the verification pattern: a unit holding a different value refuses. Commit right after the load.',
  async run(ctx) {
    const world = await ctx.world();
    const targets = await selectedUnits(ctx, world);
    const vp = registerVp(targets[0]?.newRegister.key ?? null);
    const r = await registerCommand(ctx, targets, { kind: 'mk-commit', vp });
    if ('status' in r) return r;
    ok(ctx, 'The new master key register has been committed in the selected crypto units.', renderNewRegister(r.world, fresh(r.world, targets)));
    return OK;
  },
};

export const mkSetimm: TkeCommand = {
  name: 'cryptounit-mk-setimm', group: 'master key', maxPositionals: 0,
  summary: 'Activate the new master key (set immediate)',
  usage: 'cryptounit-mk-setimm',
  details: 'Copies the committed new register to the current register (Valid) and clears the new register (Empty). It does NOT re-encipher key storage: use it for a first initialization or to finish an interrupted rotation, not to change the master key of an instance holding keys. Needs 1 signature.',
  async run(ctx) {
    const world = await ctx.world();
    const targets = await selectedUnits(ctx, world);
    ctx.io.print(SETIMM_WARNING);
    const risk = setimmRiskNote(ctx.env, world, targets);
    if (risk) ctx.io.print(risk);
    if (!(await confirm(ctx.io, 'Do you want to continue?', ctx.env))) throw new DialogEnd({ status: 'cancelled', message: 'Set immediate was cancelled. Nothing was changed.' });
    const r = await registerCommand(ctx, targets, { kind: 'mk-setimm' });
    if ('status' in r) return r;
    const after = fresh(r.world, targets);
    ok(ctx, 'Set immediate completed successfully in the selected crypto units.', registers(r.world, after) + lossNote(ctx.env, r.world, keysLost(targets, after), 'setimm'));
    return OK;
  },
};

export const mkClrnew: TkeCommand = {
  name: 'cryptounit-mk-clrnew', group: 'master key', maxPositionals: 0,
  summary: 'Clear the new master key register',
  usage: 'cryptounit-mk-clrnew',
  details: 'Clears the new register (-> Empty), for example after loading a wrong part. Needs 1 signature; not allowed in imprint mode.',
  async run(ctx) {
    const world = await ctx.world();
    const targets = await selectedUnits(ctx, world);
    const r = await registerCommand(ctx, targets, { kind: 'mk-clrnew' });
    if ('status' in r) return r;
    ok(ctx, 'The new master key register has been cleared in the selected crypto units.', renderNewRegister(r.world, fresh(r.world, targets)));
    return OK;
  },
};

export const mkClrcur: TkeCommand = {
  name: 'cryptounit-mk-clrcur', group: 'master key', maxPositionals: 0,
  summary: 'Clear the current master key register',
  usage: 'cryptounit-mk-clrcur',
  details: 'Clears the current register (-> Empty). Key storage encrypted under that master key can no longer be used, and KMS calls fail with CKR_IBM_WK_NOT_INITIALIZED. Needs 1 signature.',
  async run(ctx) {
    const world = await ctx.world();
    const targets = await selectedUnits(ctx, world);
    ctx.io.print('WARNING: Clearing the current master key register makes key storage encrypted under it unusable.');
    if (!(await confirm(ctx.io, 'Do you want to continue?', ctx.env))) throw new DialogEnd({ status: 'cancelled', message: 'The current master key register was not cleared.' });
    const r = await registerCommand(ctx, targets, { kind: 'mk-clrcur' });
    if ('status' in r) return r;
    const after = fresh(r.world, targets);
    ok(ctx, 'The current master key register has been cleared in the selected crypto units.', renderCurrentRegister(r.world, after) + lossNote(ctx.env, r.world, keysLost(targets, after), 'clrcur'));
    return OK;
  },
};
