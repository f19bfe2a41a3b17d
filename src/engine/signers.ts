/**
 * Which signature keys sign, and opening them (reference 8.3, "signers come from the installed
 * admins"). The keys that may sign are the selected key files, or with TKE_SIGNSERV_URL the keys
 * listed in SIGNSERVKEYS. Of those, only keys installed as administrators of the target units are
 * used, and only their passwords (or tokens) are asked for: a key that is not an installed
 * administrator is skipped without a prompt.
 */
import type { UnitCommand } from '../core/command.ts';
import { signatureNeedSentence } from '../core/signature-rules.ts';
import type { CryptoUnit } from '../core/types.ts';
import { subjectKeyIdentifier } from '../core/crypto.ts';
import {
  fileSigner, listSignatureKeys, openServiceKey, openSignatureKey, readSignServKeys, servicePublicKey, signingServiceUrl,
  type ServiceKeyRef, type SignatureKeyEntry, type Signer,
} from '../workstation/index.ts';
import { askSecret } from './ask.ts';
import type { CommandContext } from './context.ts';
import { fail } from './outcome.ts';
import { rememberSecret } from './secrets.ts';

export const ski30 = (ski: string): string => `${ski.slice(0, 30)}...`;

/** A key that may sign: a selected key file, or a key of the signing service. */
export type SigningKey =
  | { readonly kind: 'file'; readonly name: string; readonly ski: string; readonly entry: SignatureKeyEntry }
  | { readonly kind: 'service'; readonly name: string; readonly ski: string; readonly service: URL; readonly ref: ServiceKeyRef };

/** True when TKE_SIGNSERV_URL names a signing service (an invalid value is a WorkstationError). */
export function usesSigningService(ctx: CommandContext): boolean {
  return signingServiceUrl(ctx.env) !== null;
}

/** The keys listed in SIGNSERVKEYS, each with the SKI of its public key as the service gives it. */
async function serviceKeys(ctx: CommandContext, service: URL): Promise<SigningKey[]> {
  const refs = await readSignServKeys(ctx.paths.tkeFiles);
  const keys: SigningKey[] = [];
  for (const ref of refs) {
    if (ref.token !== null) rememberSecret(ref.token, 'password');
    const publicKey = await servicePublicKey(service, ref.key, ref.token);
    keys.push({ kind: 'service', name: ref.key, ski: subjectKeyIdentifier(publicKey), service, ref });
  }
  return keys;
}

/** Every key that may sign, in KEYNUM (or SIGNSERVKEYS) order. */
export async function signingKeys(ctx: CommandContext): Promise<SigningKey[]> {
  const service = signingServiceUrl(ctx.env);
  if (service) return serviceKeys(ctx, service);
  const { signatureKeys } = await ctx.selection();
  const all = await listSignatureKeys(ctx.paths.tkeFiles);
  return all.filter((k) => signatureKeys.includes(k.ski)).map((entry) => ({ kind: 'file', name: entry.name, ski: entry.ski, entry }));
}

/** The SKIs of the keys that may sign: what the rotation and recovery pre-checks compare with the installed admins. */
export async function signingKeySkis(ctx: CommandContext): Promise<string[]> {
  return (await signingKeys(ctx)).map((k) => k.ski);
}

/** The keys that may sign and are installed administrators of some target, those installed on most targets first. */
export async function selectedSignatureKeys(ctx: CommandContext, targets: readonly CryptoUnit[]): Promise<SigningKey[]> {
  const installedOn = (k: SigningKey) => targets.filter((u) => u.admins.some((a) => a.ski === k.ski)).length;
  return (await signingKeys(ctx))
    .map((k, i) => ({ k, i, n: installedOn(k) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((x) => x.k);
}

const identified = (k: SigningKey): string => `${k.name} (${ski30(k.ski)})`;

async function open(ctx: CommandContext, key: SigningKey): Promise<Signer> {
  switch (key.kind) {
    case 'file': {
      const password = await askSecret(ctx.io, `Enter the password for the signature key identified by:\n${identified(key)}`, 'password');
      const pair = await openSignatureKey(key.entry, password);
      if (!pair) fail(`The password for the signature key identified by ${identified(key)} is not valid. Nothing was sent to the crypto units; run the command again.`);
      return fileSigner(key.entry, pair);
    }
    case 'service': {
      const token = key.ref.token ?? (await askSecret(ctx.io, `Enter the token for the signature key identified by:\n${identified(key)}`, 'password'));
      const signer = await openServiceKey(key.service, key.ref.key, token);
      if (signer.ski !== key.ski) fail(`The signing service changed the signature key ${key.name} while it was in use. Nothing was sent to the crypto units; run the command again.`);
      return signer;
    }
  }
}

/**
 * Opens the keys that will sign: up to `needed` selected keys that are installed administrators of
 * the targets. A wrong password or token ends the dialog before anything reaches a unit.
 */
export async function collectSigners(ctx: CommandContext, targets: readonly CryptoUnit[], needed: number, command?: UnitCommand): Promise<Signer[]> {
  if (needed === 0) return [];
  const chosen = (await selectedSignatureKeys(ctx, targets)).slice(0, needed);
  const first = targets[0];
  const why = command && first ? signatureNeedSentence(first, command) : undefined;
  const signers: Signer[] = [];
  try {
    for (const key of chosen) {
      ctx.io.progress?.({ kind: 'signatures', needed, signed: signers.map((s) => s.name), pending: chosen.slice(signers.length).map((k) => k.name), ...(why ? { why } : {}) });
      signers.push(await open(ctx, key));
    }
  } catch (e) {
    forgetSigners(signers);
    throw e;
  }
  ctx.io.progress?.({ kind: 'signatures', needed, signed: signers.map((s) => s.name), pending: [], ...(why ? { why } : {}) });
  return signers;
}

/** Clears the private keys the signers hold. */
export function forgetSigners(signers: readonly Signer[]): void {
  for (const s of signers) s.forget();
}
