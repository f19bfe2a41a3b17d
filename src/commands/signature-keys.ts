/** sigkeys, sigkey-add, sigkey-rm, sigkey-sel: signature key files on the workstation. */
import { MAX_ADMIN_NAME } from '../core/unit.ts';
import { askNewPassword, askNumbers, askSecret, askText, confirm } from '../engine/ask.ts';
import type { CommandContext } from '../engine/context.ts';
import { usesSigningService } from '../engine/signing.ts';
import { DialogEnd, OK, fail } from '../engine/outcome.ts';
import { renderSignatureKeys } from '../render/index.ts';
import { createSignatureKey, listSignatureKeys, openSignatureKey, removeSignatureKey, updateSelection } from '../workstation/index.ts';
import type { TkeCommand } from './command.ts';
import { chooseKeynum, ok } from './common.ts';
import { signingServiceNotice } from './signing-service-keys.ts';

async function table(ctx: CommandContext): Promise<string> {
  const keys = await listSignatureKeys(ctx.paths.tkeFiles);
  const { signatureKeys } = await ctx.selection();
  return renderSignatureKeys(keys, new Set(signatureKeys));
}

export function validAdminName(name: string): string | null {
  if (name === '') return 'An administrator name cannot be empty.';
  if ([...name].length > MAX_ADMIN_NAME) return `An administrator name can be at most ${MAX_ADMIN_NAME} characters; this one has ${[...name].length}.`;
  if (/\p{Cc}/u.test(name)) return 'An administrator name cannot contain control characters.';
  return null;
}

export const sigkeys: TkeCommand = {
  name: 'sigkeys', group: 'workstation', maxPositionals: 0,
  summary: 'List the signature keys on this workstation',
  usage: 'sigkeys',
  details: 'Lists the signature key files in CLOUDTKEFILES with their KEYNUM, administrator name and subject key identifier, and which are selected to sign commands.',
  async run(ctx) {
    if (usesSigningService(ctx)) return signingServiceNotice(ctx, 'sigkeys');
    ctx.io.print(await table(ctx));
    return OK;
  },
};

export const sigkeyAdd: TkeCommand = {
  name: 'sigkey-add', group: 'workstation', maxPositionals: 0,
  summary: 'Create a signature key and save it in a password-protected file',
  usage: 'sigkey-add',
  details: 'Generates a new signature key (Ed25519 in tkesim; P-521 on the real system) for an administrator and saves it in CLOUDTKEFILES, protected by a password you choose. Nobody can recover a lost password.',
  async run(ctx) {
    if (usesSigningService(ctx)) return signingServiceNotice(ctx, 'sigkey-add');
    ctx.io.print('');
    const name = await askText(ctx.io, 'Enter an administrator name to be associated with the signature key:');
    const problem = validAdminName(name);
    if (problem) fail(`${problem} Nothing was created.`);
    const password = await askNewPassword(ctx.io, 'signature key');
    await ctx.withEntropy((entropy) => createSignatureKey(ctx.paths.tkeFiles, name, password, entropy));
    ok(ctx, 'A signature key was created.', 'The available signature keys on this workstation are:', '', await table(ctx));
    return OK;
  },
};

export const sigkeyRm: TkeCommand = {
  name: 'sigkey-rm', group: 'workstation', maxPositionals: 1,
  summary: 'Delete a signature key file',
  usage: 'sigkey-rm [KEYNUM]',
  details: 'Deletes a signature key file. If that key is an installed administrator, keep a backup: without it the crypto units may be left with no one able to sign commands.',
  async run(ctx, args) {
    if (usesSigningService(ctx)) return signingServiceNotice(ctx, 'sigkey-rm');
    const keys = await listSignatureKeys(ctx.paths.tkeFiles);
    ctx.io.print(await table(ctx));
    if (keys.length === 0) fail('There is no signature key to remove.');
    const entry = await chooseKeynum(ctx, keys, 'Enter the KEYNUM of the signature key you wish to remove:', args.positionals);
    const { keynum } = entry;
    const world = await ctx.world();
    const adminOf = world.units.filter((u) => u.admins.some((a) => a.ski === entry.ski)).map((u) => world.units.indexOf(u) + 1);
    if (adminOf.length > 0) {
      ctx.io.print(`WARNING: KEYNUM ${keynum} (${entry.name}) is an installed administrator of crypto unit ${adminOf.join(', ')}. Without this file or a backup, commands that need its signature can no longer be signed.`);
      if (!(await confirm(ctx.io, 'Do you want to continue?', ctx.env))) throw new DialogEnd({ status: 'cancelled', message: 'The signature key was not removed.' });
    }
    await removeSignatureKey(entry);
    await updateSelection(ctx.paths.tkeFiles, (s) => ({ ...s, signatureKeys: s.signatureKeys.filter((k) => k !== entry.ski) }));
    ok(ctx, `The signature key file for KEYNUM ${keynum} was removed.`, '', await table(ctx));
    return OK;
  },
};

export const sigkeySel: TkeCommand = {
  name: 'sigkey-sel', group: 'workstation', maxPositionals: 8,
  summary: 'Select the signature keys that sign later commands',
  usage: 'sigkey-sel [KEYNUM ...]',
  details: 'Chooses which signature keys sign administrative commands. Each password is checked now; it is asked again when a key signs. The selection persists between commands.',
  async run(ctx, args) {
    if (usesSigningService(ctx)) return signingServiceNotice(ctx, 'sigkey-sel');
    const keys = await listSignatureKeys(ctx.paths.tkeFiles);
    ctx.io.print(await table(ctx));
    if (keys.length === 0) fail('There is no signature key to select. Create one with ibmcloud tke sigkey-add.');
    const nums = await askNumbers(ctx.io, 'Enter the KEYNUM values to select as current signature keys, separated by spaces:', { noun: 'KEYNUM', allowed: keys.map((k) => k.keynum), count: [1, keys.length] }, args.positionals);
    const chosen = nums.map((n) => keys.find((k) => k.keynum === n)).filter((k) => k !== undefined);
    for (const entry of chosen) {
      const password = await askSecret(ctx.io, `Enter the password for KEYNUM ${entry.keynum}:`, 'password');
      if (!(await openSignatureKey(entry, password))) fail(`The password for KEYNUM ${entry.keynum} is not valid. The selection was not changed.`);
    }
    await updateSelection(ctx.paths.tkeFiles, (s) => ({ ...s, signatureKeys: chosen.map((k) => k.ski) }));
    ok(ctx, chosen.length === 1 ? `KEYNUM ${nums[0]} has been made the current signature key.` : `KEYNUM ${nums.join(' ')} have been made the current signature keys.`);
    return OK;
  },
};
