/**
 * Signature key files `<n>.sigkey`: an administrator name, the Ed25519 public key and its subject
 * key identifier in clear, and the 32-byte seed sealed under the owner's password.
 */
import { unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fromHex, signingKeyFromSeed, subjectKeyIdentifier, toHex, type SigningKeyPair } from '../core/crypto.ts';
import { errnoCode, readJsonFile, syncDirectory } from './directory.ts';
import { damagedFile, WorkstationError } from './errors.ts';
import { hex64Field, readHeader, sealedField, stringField, type FileContext } from './file-fields.ts';
import { createNumberedFile, keynumOf, listNumberedFiles } from './numbered-files.ts';
import { openSecret, sealSecret, type SealedSecret } from './sealed-secret.ts';

export const SIGNATURE_KEY_EXTENSION = 'sigkey';
const FORMAT = 'tkesim-signature-key';
const VERSION = 1;
const SEED_BYTES = 32;

export interface SignatureKeyEntry {
  /** 1-based position in the list sorted by file number. */
  keynum: number;
  file: string;
  /** The administrator name (DESCRIPTION in `sigkeys`). */
  name: string;
  /** Subject key identifier: SHA-256 of the public key, 64 lower-case hex digits. */
  ski: string;
  /** Ed25519 public key, 64 lower-case hex digits. */
  publicKey: string;
}

interface SignatureKeyFile {
  format: typeof FORMAT;
  version: typeof VERSION;
  keyType: 'ed25519';
  name: string;
  ski: string;
  publicKey: string;
  sealed: SealedSecret;
}

const context = (file: string): FileContext => ({ kind: 'signature key', file });

async function readSignatureKeyFile(file: string): Promise<SignatureKeyFile> {
  const ctx = context(file);
  const record = readHeader(await readJsonFile(file, ctx.kind), ctx, FORMAT, VERSION);
  if (record.keyType !== 'ed25519') throw damagedFile(ctx.kind, file, 'keyType is not ed25519');
  const name = stringField(record, 'name', ctx);
  const ski = hex64Field(record, 'ski', ctx);
  const publicKey = hex64Field(record, 'publicKey', ctx);
  if (subjectKeyIdentifier(fromHex(publicKey)) !== ski) {
    throw damagedFile(ctx.kind, file, 'the subject key identifier does not match the public key');
  }
  const sealed = sealedField(record, 'sealed', ctx);
  return { format: FORMAT, version: VERSION, keyType: 'ed25519', name, ski, publicKey, sealed };
}

/** Every signature key file in `dir`, in KEYNUM order. A damaged file is a WorkstationError. */
export async function listSignatureKeys(dir: string): Promise<SignatureKeyEntry[]> {
  const files = await listNumberedFiles(dir, SIGNATURE_KEY_EXTENSION);
  const entries: SignatureKeyEntry[] = [];
  for (const [index, { file }] of files.entries()) {
    const content = await readSignatureKeyFile(file);
    entries.push({ keynum: index + 1, file, name: content.name, ski: content.ski, publicKey: content.publicKey });
  }
  return entries;
}

/**
 * Generates a signature key (seed = random(32), then the salt and nonce) and saves it in a new
 * file, mode 0600. Validating the name is the caller's job.
 */
export async function createSignatureKey(dir: string, name: string, password: string, random: (n: number) => Uint8Array): Promise<SignatureKeyEntry> {
  const seed = random(SEED_BYTES);
  if (seed.length !== SEED_BYTES) throw new Error(`the random source returned ${seed.length} bytes, not ${SEED_BYTES}`);
  const pair = signingKeyFromSeed(seed);
  try {
    const publicKey = toHex(pair.publicKey);
    const ski = subjectKeyIdentifier(pair.publicKey);
    const sealed = await sealSecret(seed, password, random);
    const content: SignatureKeyFile = { format: FORMAT, version: VERSION, keyType: 'ed25519', name, ski, publicKey, sealed };
    const file = await createNumberedFile(dir, SIGNATURE_KEY_EXTENSION, `${JSON.stringify(content, null, 2)}\n`);
    return { keynum: await keynumOf(dir, SIGNATURE_KEY_EXTENSION, file), file, name, ski, publicKey };
  } finally {
    seed.fill(0);
    pair.secretKey.fill(0);
  }
}

/** Reads the file again and checks it still holds the key that was listed. */
async function readListedKey(entry: SignatureKeyEntry): Promise<SignatureKeyFile> {
  const content = await readSignatureKeyFile(entry.file);
  if (content.ski !== entry.ski) {
    throw new WorkstationError(`The signature key file ${entry.file} was replaced by another key since it was listed. List the signature keys again.`, entry.file);
  }
  return content;
}

/**
 * Decrypts the key with the owner's password. Null when the password is wrong (or the sealed seed
 * was altered). The caller must clear `secretKey` when done with it.
 */
export async function openSignatureKey(entry: SignatureKeyEntry, password: string): Promise<SigningKeyPair | null> {
  const content = await readListedKey(entry);
  const seed = await openSecret(content.sealed, password);
  if (seed === null) return null;
  try {
    if (seed.length !== SEED_BYTES) throw damagedFile('signature key', entry.file, `the sealed seed is not ${SEED_BYTES} bytes`);
    const pair = signingKeyFromSeed(seed);
    if (subjectKeyIdentifier(pair.publicKey) !== content.ski) {
      pair.secretKey.fill(0);
      throw new WorkstationError(
        `The saved and calculated subject key identifiers miscompare for the signature key file ${entry.file}. The file is damaged; use a backup copy.`,
        entry.file,
      );
    }
    return pair;
  } finally {
    seed.fill(0);
  }
}

/** Deletes the key's file, after checking it still holds the key that was listed. */
export async function removeSignatureKey(entry: SignatureKeyEntry): Promise<void> {
  await readListedKey(entry);
  try {
    await unlink(entry.file);
  } catch (e) {
    throw new WorkstationError(`The signature key file ${entry.file} cannot be removed (${errnoCode(e) ?? 'unknown error'}).`, entry.file);
  }
  await syncDirectory(dirname(entry.file));
}
