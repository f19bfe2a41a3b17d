/** mks, mk-add, mk-rm: master key part files on the workstation. */
import { fromHex, toHex } from '../core/crypto.ts';
import { rememberSecret } from '../engine/secrets.ts';
import { askNewPassword, askSecret, askText } from '../engine/ask.ts';
import type { CommandContext } from '../engine/context.ts';
import { OK, fail, usage } from '../engine/outcome.ts';
import { renderKeyParts } from '../render/index.ts';
import { createKeyPart, listKeyParts, removeKeyPart } from '../workstation/index.ts';
import { flagOn, type TkeCommand } from './command.ts';
import { chooseKeynum, ok } from './common.ts';

const MAX_DESCRIPTION = 64;

async function table(ctx: CommandContext): Promise<string> {
  return renderKeyParts(await listKeyParts(ctx.paths.tkeFiles));
}

export const mks: TkeCommand = {
  name: 'mks', group: 'workstation', maxPositionals: 0,
  summary: 'List the master key parts on this workstation',
  usage: 'mks',
  details: 'Lists the EP11 master key part files in CLOUDTKEFILES with their KEYNUM, description and verification pattern. The pattern identifies a value without revealing it.',
  async run(ctx) {
    ctx.io.print(await table(ctx));
    return OK;
  },
};

export const mkAdd: TkeCommand = {
  name: 'mk-add', group: 'workstation', maxPositionals: 0,
  summary: 'Create a master key part file (random, or a known value)',
  usage: 'mk-add --random | --value',
  flags: [
    { name: 'random', kind: 'boolean', description: 'generate a random 32-byte key part' },
    { name: 'value', kind: 'boolean', description: 'enter a known key part value (64 hexadecimal digits)' },
  ],
  details: 'Creates a 32-byte master key part and saves it in a password-protected file. Each part can belong to a different custodian: only its custodian should know its password. The master key is built from 2 or 3 parts when it is loaded.',
  async run(ctx, args) {
    const random = flagOn(args, 'random');
    const value = flagOn(args, 'value');
    if (random === value) return usage('Specify exactly one of --random or --value.');
    let part: Uint8Array | null = null;
    if (value) {
      const hex = (await askSecret(ctx.io, 'Enter the key part value:', 'key part value')).trim();
      if (!/^[0-9a-fA-F]{64}$/.test(hex)) fail('The key part value must be exactly 64 hexadecimal digits (32 bytes). Nothing was created.');
      part = fromHex(hex);
    }
    const description = await askText(ctx.io, 'Enter a description for the key part:');
    if (description === '' || [...description].length > MAX_DESCRIPTION || /\p{Cc}/u.test(description)) {
      fail(`A key part description must be 1 to ${MAX_DESCRIPTION} printable characters. Nothing was created.`);
    }
    const password = await askNewPassword(ctx.io, 'key part');
    await ctx.withEntropy((entropy) => {
      const value = part ?? entropy(32);
      rememberSecret(toHex(value), 'key part value');
      return createKeyPart(ctx.paths.tkeFiles, description, value, password, entropy);
    });
    ok(ctx, 'A key part was created.', await table(ctx));
    return OK;
  },
};

export const mkRm: TkeCommand = {
  name: 'mk-rm', group: 'workstation', maxPositionals: 1,
  summary: 'Delete a master key part file',
  usage: 'mk-rm [KEYNUM]',
  details: 'Deletes a master key part file. A removed part cannot be used again, so a master key built from it cannot be loaded again.',
  async run(ctx, args) {
    const parts = await listKeyParts(ctx.paths.tkeFiles);
    ctx.io.print(await table(ctx));
    if (parts.length === 0) fail('There is no master key part to remove.');
    const entry = await chooseKeynum(ctx, parts, 'Enter the KEYNUM of the master key part you wish to remove:', args.positionals);
    const { keynum } = entry;
    await removeKeyPart(entry);
    ok(ctx, `The master key part file for KEYNUM ${keynum} was removed.`, '', await table(ctx));
    return OK;
  },
};
