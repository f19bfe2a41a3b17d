/** cryptounit-admin-add, cryptounit-admin-rm: administrators installed in the selected crypto units. */
import { adminCertificatePayload } from '../core/command.ts';
import { sign, toHex } from '../core/crypto.ts';
import { askNumbers, askSecret } from '../engine/ask.ts';
import { OK, fail } from '../engine/outcome.ts';
import { collectSigners, signaturesNeeded, ski30, submit, usesSigningService } from '../engine/signing.ts';
import { renderAdmins, renderSignatureKeys, renderTable } from '../render/index.ts';
import { listSignatureKeys, openSignatureKey } from '../workstation/index.ts';
import type { TkeCommand } from './command.ts';
import { chooseKeynum, ok, refused, selectedUnits } from './common.ts';
import { addServiceAdmin } from './signing-service-keys.ts';

export const adminAdd: TkeCommand = {
  name: 'cryptounit-admin-add', group: 'administration', maxPositionals: 1,
  summary: 'Install an administrator in the selected crypto units',
  usage: 'cryptounit-admin-add [KEYNUM]',
  details: 'Installs the signature key chosen by KEYNUM as an administrator (at most 8 per crypto unit). Its password proves you hold the key. In imprint mode no signatures are needed; afterwards the command needs the signature threshold number of signatures.',
  async run(ctx, args) {
    const world = await ctx.world();
    const targets = await selectedUnits(ctx, world);
    if (usesSigningService(ctx)) return addServiceAdmin(ctx, targets, args.positionals[0]);
    const keys = await listSignatureKeys(ctx.paths.tkeFiles);
    const { signatureKeys } = await ctx.selection();
    ctx.io.print(renderSignatureKeys(keys, new Set(signatureKeys)));
    if (keys.length === 0) fail('There is no signature key on this workstation. Create one with ibmcloud tke sigkey-add.');
    const entry = await chooseKeynum(ctx, keys, 'Enter the KEYNUM of the administrator signature key you wish to load:', args.positionals);
    const password = await askSecret(ctx.io, 'Enter the password for the administrator signature key file:', 'password');
    const adminKey = await openSignatureKey(entry, password);
    if (!adminKey) fail(`The password for the signature key identified by ${entry.name} (${ski30(entry.ski)}) is not valid. Nothing was sent to the crypto units.`);
    const publicKey = toHex(adminKey.publicKey);
    const sample = { kind: 'admin-add', name: entry.name, publicKey, proof: '' } as const;
    const needed = signaturesNeeded(targets, sample) ?? 0;
    const signers = await collectSigners(ctx, targets, needed, sample);
    const result = await submit(ctx, targets, signers, (u) => ({
      kind: 'admin-add', name: entry.name, publicKey,
      proof: toHex(sign(adminCertificatePayload(entry.name, publicKey, u.id, u.counter), adminKey.secretKey)),
    }));
    if (!result.ok) return refused(result);
    ok(ctx, 'The crypto unit administrator was added to the selected crypto units.');
    return OK;
  },
};

export const adminRm: TkeCommand = {
  name: 'cryptounit-admin-rm', group: 'administration', maxPositionals: 1,
  summary: 'Remove an administrator from the selected crypto units',
  usage: 'cryptounit-admin-rm [ADMIN_NUM]',
  details: 'Removes an installed administrator. In imprint mode no signatures are needed; afterwards it needs the revocation threshold number of signatures, and it is refused if it would leave fewer administrators than a threshold.',
  async run(ctx, args) {
    const world = await ctx.world();
    const targets = await selectedUnits(ctx, world);
    ctx.io.print(renderAdmins(world, targets));
    const admins = [...new Map(targets.flatMap((u) => u.admins).map((a) => [a.ski, a])).values()];
    if (admins.length === 0) fail('The selected crypto units have no administrators to remove.');
    ctx.io.print(`\n${renderTable(['ADMIN NUM', 'ADMIN NAME', 'SUBJECT KEY IDENTIFIER'], admins.map((a, i) => [String(i + 1), a.name, ski30(a.ski)]))}`);
    const [num] = await askNumbers(ctx.io, 'Enter the ADMIN NUM of the administrator you wish to remove:', { noun: 'ADMIN NUM', allowed: admins.map((_, i) => i + 1), count: [1, 1] }, args.positionals);
    const admin = admins[(num ?? 1) - 1];
    if (!admin) fail('No such ADMIN NUM.');
    const removal = { kind: 'admin-rm', ski: admin.ski } as const;
    const needed = signaturesNeeded(targets, removal) ?? 0;
    const signers = await collectSigners(ctx, targets, needed, removal);
    const result = await submit(ctx, targets, signers, () => ({ kind: 'admin-rm', ski: admin.ski }));
    if (!result.ok) return refused(result);
    ok(ctx, 'The crypto unit administrator was removed from the selected crypto units.');
    return OK;
  },
};
