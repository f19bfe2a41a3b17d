/**
 * The questions of auto-init (reference 2.4, and IBM's sample output): thresholds, how many
 * administrators, which existing signature keys, and new keys for the rest. Ends with the opened
 * keys of every administrator to install; nothing reaches a crypto unit here.
 */
import { MAX_ADMINS, MAX_THRESHOLD } from '../core/unit.ts';
import { askInteger, askNewPassword, askSecret, askText, parseNumbers } from '../engine/ask.ts';
import type { CommandContext } from '../engine/context.ts';
import { fail } from '../engine/outcome.ts';
import { ski30, type Signer } from '../engine/signing.ts';
import { renderTable, shortSki } from '../render/index.ts';
import { createSignatureKey, fileSigner, listSignatureKeys, openSignatureKey, type SignatureKeyEntry } from '../workstation/index.ts';
import { validAdminName } from './signature-keys.ts';

export interface AutoInitAnswers {
  readonly signatureThreshold: number;
  readonly revocationThreshold: number;
  /** One opened signature key per administrator to install. */
  readonly admins: readonly Signer[];
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
const word = (n: number): string => WORDS[n] ?? String(n);
const plural = (n: number, noun: string): string => `${word(n)} ${noun}${n === 1 ? '' : 's'}`;
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const DUAL_CONTROL = 'This must be a number between 1 and 8.  To enforce dual control, this must be at least 2:';

async function askThresholds(ctx: CommandContext): Promise<[number, number]> {
  ctx.io.print('ENTER SIGNATURE THRESHOLD VALUES\n');
  const sig = await askInteger(ctx.io, `Enter the number of signatures to be required on commands sent to the service instance.  ${DUAL_CONTROL}`, 'signature threshold', 1, MAX_THRESHOLD);
  const rev = await askInteger(ctx.io, `Enter the number of signatures to be required on commands to remove an administrator.  ${DUAL_CONTROL}`, 'revocation signature threshold', 1, MAX_THRESHOLD);
  return [sig, rev];
}

async function askAdminCount(ctx: CommandContext, sig: number, rev: number): Promise<number> {
  const least = Math.max(sig, rev);
  ctx.io.print([
    '',
    'ENTER NUMBER OF ADMINISTRATORS TO INSTALL',
    '',
    'To initialize and maintain your crypto units, administrators  must be installed. Each administrator has an associated signature key. Signature keys are stored in files protected by a password. To use the signature key, you must supply the password.',
    '',
    'To enforce dual control, each signature key file needs to be assigned to a different user and only that user needs to know the password.',
    '',
    `You can install up to eight administrators in a crypto unit.  To set a signature threshold value of ${sig} and a revocation signature threshold of ${rev}, you must install at least ${least} administrator${least === 1 ? '' : 's'}.`,
    '',
  ].join('\n'));
  return askInteger(ctx.io, 'Enter the number of administrators you want to install:', 'number of administrators', least, MAX_ADMINS);
}

async function openExisting(ctx: CommandContext, entry: SignatureKeyEntry): Promise<Signer> {
  const password = await askSecret(ctx.io, `Enter the password for the signature key identified by:\n${entry.name} (${ski30(entry.ski)})`, 'password');
  const key = await openSignatureKey(entry, password);
  if (!key) fail(`The password for the signature key identified by ${entry.name} (${ski30(entry.ski)}) is not valid. Nothing was sent to the crypto units; run auto-init again.`);
  return fileSigner(entry, key);
}

async function chooseExisting(ctx: CommandContext, count: number): Promise<Signer[]> {
  const keys = await listSignatureKeys(ctx.paths.tkeFiles);
  ctx.io.print('\nSELECT EXISTING SIGNATURE KEY FILES TO USE\n');
  if (keys.length === 0) {
    ctx.io.print('No files containing a signature key were found on this workstation. New signature key files will be created.\n');
    return [];
  }
  ctx.io.print([
    'The following signature key files were found on this workstation:',
    '',
    renderTable(['KEYNUM', 'DESCRIPTION', 'SUBJECT KEY IDENTIFIER'], keys.map((k) => [String(k.keynum), k.name, shortSki(k.ski)])),
    '',
    "Enter the KEYNUM of any existing signature key files you want to use to create administrators. If you don't want to use existing signature key files, press enter without entering any KEYNUM values.",
    '',
    'If you want to use a combination of existing and new signature keys, enter the KEYNUM values of the existing signature key files you want to use.  You will be prompted to enter information for any new signature key files after that.',
    '',
  ].join('\n'));
  const text = await askText(ctx.io, 'Enter the KEYNUM of the existing signature key files you want to use to create administrators:');
  if (text === '') return [];
  const nums = parseNumbers(text, { noun: 'KEYNUM', allowed: keys.map((k) => k.keynum), count: [1, Math.min(count, keys.length)] });
  if (typeof nums === 'string') fail(`${nums} At most ${count} can be used, one per administrator to install. Nothing was changed.`);
  const signers: Signer[] = [];
  for (const n of nums) {
    const entry = keys.find((k) => k.keynum === n);
    if (entry) signers.push(await openExisting(ctx, entry));
  }
  return signers;
}

async function createNew(ctx: CommandContext, index: number, total: number): Promise<Signer> {
  ctx.io.print(`\nCreating new signature key file ${index} of ${total}.`);
  const name = await askText(ctx.io, 'Enter an administrator name to be associated with the signature key:');
  const problem = validAdminName(name);
  if (problem) fail(`${problem} Signature key files created so far were kept; nothing was sent to the crypto units.`);
  const password = await askNewPassword(ctx.io, 'signature key');
  const entry = await ctx.withEntropy((entropy) => createSignatureKey(ctx.paths.tkeFiles, name, password, entropy));
  const key = await openSignatureKey(entry, password);
  if (!key) throw new Error('a signature key just created does not open with its password');
  return fileSigner(entry, key);
}

export async function askAutoInit(ctx: CommandContext): Promise<AutoInitAnswers> {
  const [signatureThreshold, revocationThreshold] = await askThresholds(ctx);
  const count = await askAdminCount(ctx, signatureThreshold, revocationThreshold);
  const admins = await chooseExisting(ctx, count);
  const missing = count - admins.length;
  const created = missing === 0 ? 'No new signature key files will be created.' : `${capital(plural(missing, 'new signature key file'))} will be created.`;
  ctx.io.print(`\nYou asked to install ${plural(count, 'administrator')} and selected ${plural(admins.length, 'existing signature key')} to use.  ${created}`);
  for (let i = 1; i <= missing; i++) admins.push(await createNew(ctx, i, missing));
  return { signatureThreshold, revocationThreshold, admins };
}
