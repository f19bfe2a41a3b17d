/**
 * Signature keys from a signing service (TKE_SIGNSERV_URL, reference 1.4 and 8.3): the sigkey
 * commands do nothing and say so, and cryptounit-admin-add installs a key of the service, asking for
 * its identifier and its token (IBM doc signing-service.md). Signing itself goes through the engine's
 * signers, like key files.
 */
import { adminCertificatePayload } from '../core/command.ts';
import { toHex } from '../core/crypto.ts';
import type { CryptoUnit } from '../core/types.ts';
import { MAX_ADMIN_NAME } from '../core/unit.ts';
import { askSecret, askText } from '../engine/ask.ts';
import type { CommandContext } from '../engine/context.ts';
import { OK, fail, type Outcome } from '../engine/outcome.ts';
import { collectSigners, forgetSigners, signaturesNeeded, submit, type Signer } from '../engine/signing.ts';
import { explanationsOn, TKESIM_NOTE } from '../render/index.ts';
import { openServiceKey, SERVICE_KEY_NAME, SIGNSERVKEYS_FILE, signingServiceUrl } from '../workstation/index.ts';
import { ok, refused } from './common.ts';

/** With TKE_SIGNSERV_URL set, a sigkey command does nothing: says so (unless TKESIM_EXPLAIN=0). */
export function signingServiceNotice(ctx: CommandContext, command: string): Outcome {
  const url = signingServiceUrl(ctx.env);
  if (explanationsOn(ctx.env)) {
    ctx.io.print([
      `${TKESIM_NOTE}TKE_SIGNSERV_URL is set, so ${command} does nothing: signature keys come from the signing service at ${url?.origin ?? ''}.`,
      `${TKESIM_NOTE}The keys that may sign commands are listed in ${SIGNSERVKEYS_FILE} in CLOUDTKEFILES (${ctx.paths.tkeFiles}); unset TKE_SIGNSERV_URL to use signature key files.`,
    ].join('\n'));
  }
  return OK;
}

/** Installs `admin` in the targets, signed by the installed administrators the targets need. */
export async function installAdmin(ctx: CommandContext, targets: readonly CryptoUnit[], admin: Signer): Promise<Outcome> {
  const { name, publicKey } = admin;
  const needed = signaturesNeeded(targets, { kind: 'admin-add', name, publicKey, proof: '' }) ?? 0;
  const signers = await collectSigners(ctx, targets, needed);
  try {
    const result = await submit(ctx, targets, signers, async (u) => ({
      kind: 'admin-add', name, publicKey,
      proof: toHex(await admin.sign(adminCertificatePayload(name, publicKey, u.id, u.counter))),
    }));
    if (!result.ok) return refused(result);
  } finally {
    forgetSigners([admin, ...signers]);
  }
  ok(ctx, 'The crypto unit administrator was added to the selected crypto units.');
  return OK;
}

/** cryptounit-admin-add with a signing service: the key's identifier (or the first argument), then its token. */
export async function addServiceAdmin(ctx: CommandContext, targets: readonly CryptoUnit[], preset: string | undefined): Promise<Outcome> {
  const service = signingServiceUrl(ctx.env);
  if (!service) throw new Error('addServiceAdmin without TKE_SIGNSERV_URL');
  ctx.io.print(`Signature keys come from the signing service at ${service.origin}.`);
  const key = preset ?? (await askText(ctx.io, 'Enter the signature key identifier of the administrator you wish to load:'));
  if (!SERVICE_KEY_NAME.test(key)) fail('A signature key identifier is 1 to 64 letters, digits or the characters - . _ ~. Nothing was sent to the crypto units.');
  if (key.length > MAX_ADMIN_NAME) fail(`The identifier of the signature key is its administrator name, which can be at most ${MAX_ADMIN_NAME} characters. Nothing was sent to the crypto units.`);
  const token = await askSecret(ctx.io, `Enter the token for the signature key ${key}:`, 'password');
  return installAdmin(ctx, targets, await openServiceKey(service, key, token));
}
