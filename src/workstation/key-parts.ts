/**
 * Master key part files `<n>.mkpart`: a description and the part's verification pattern in clear,
 * and the 32-byte part value sealed under its custodian's password.
 */
import { unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { KEY_BYTES, verificationPattern } from '../core/crypto.ts';
import { errnoCode, readJsonFile, syncDirectory } from './directory.ts';
import { damagedFile, WorkstationError } from './errors.ts';
import { hex64Field, readHeader, sealedField, stringField, type FileContext } from './file-fields.ts';
import { createNumberedFile, keynumOf, listNumberedFiles } from './numbered-files.ts';
import { openSecret, sealSecret, type SealedSecret } from './sealed-secret.ts';

export const KEY_PART_EXTENSION = 'mkpart';
const FORMAT = 'tkesim-key-part';
const VERSION = 1;

export interface KeyPartEntry {
  /** 1-based position in the list sorted by file number. */
  keynum: number;
  file: string;
  description: string;
  /** Verification pattern of the part, 64 lower-case hex digits. */
  vp: string;
}

interface KeyPartFile {
  format: typeof FORMAT;
  version: typeof VERSION;
  description: string;
  vp: string;
  sealed: SealedSecret;
}

const context = (file: string): FileContext => ({ kind: 'master key part', file });

async function readKeyPartFile(file: string): Promise<KeyPartFile> {
  const ctx = context(file);
  const record = readHeader(await readJsonFile(file, ctx.kind), ctx, FORMAT, VERSION);
  const description = stringField(record, 'description', ctx);
  const vp = hex64Field(record, 'vp', ctx);
  if (!vp.endsWith('00000000')) throw damagedFile(ctx.kind, file, 'vp is not a verification pattern');
  const sealed = sealedField(record, 'sealed', ctx);
  return { format: FORMAT, version: VERSION, description, vp, sealed };
}

/** Every key part file in `dir`, in KEYNUM order. A damaged file is a WorkstationError. */
export async function listKeyParts(dir: string): Promise<KeyPartEntry[]> {
  const files = await listNumberedFiles(dir, KEY_PART_EXTENSION);
  const entries: KeyPartEntry[] = [];
  for (const [index, { file }] of files.entries()) {
    const content = await readKeyPartFile(file);
    entries.push({ keynum: index + 1, file, description: content.description, vp: content.vp });
  }
  return entries;
}

/**
 * Saves a 32-byte key part in a new file, mode 0600 (salt and nonce from `random`). Validating
 * the description is the caller's job.
 */
export async function createKeyPart(
  dir: string, description: string, value: Uint8Array, password: string, random: (n: number) => Uint8Array,
): Promise<KeyPartEntry> {
  if (value.length !== KEY_BYTES) throw new Error(`a key part is ${KEY_BYTES} bytes, got ${value.length}`);
  const vp = verificationPattern(value);
  const sealed = await sealSecret(value, password, random);
  const content: KeyPartFile = { format: FORMAT, version: VERSION, description, vp, sealed };
  const file = await createNumberedFile(dir, KEY_PART_EXTENSION, `${JSON.stringify(content, null, 2)}\n`);
  return { keynum: await keynumOf(dir, KEY_PART_EXTENSION, file), file, description, vp };
}

/** Reads the file again and checks it still holds the part that was listed. */
async function readListedPart(entry: KeyPartEntry): Promise<KeyPartFile> {
  const content = await readKeyPartFile(entry.file);
  if (content.vp !== entry.vp) {
    throw new WorkstationError(`The master key part file ${entry.file} was replaced by another part since it was listed. List the key parts again.`, entry.file);
  }
  return content;
}

/**
 * Decrypts the part with its custodian's password. Null when the password is wrong (or the sealed
 * value was altered). The caller must clear the returned value when done with it.
 */
export async function openKeyPart(entry: KeyPartEntry, password: string): Promise<Uint8Array | null> {
  const content = await readListedPart(entry);
  const value = await openSecret(content.sealed, password);
  if (value === null) return null;
  if (value.length !== KEY_BYTES || verificationPattern(value) !== content.vp) {
    value.fill(0);
    throw new WorkstationError(
      `The saved and calculated verification patterns miscompare for the master key part file ${entry.file}. The file is damaged; use a backup copy.`,
      entry.file,
    );
  }
  return value;
}

/** Deletes the part's file, after checking it still holds the part that was listed. */
export async function removeKeyPart(entry: KeyPartEntry): Promise<void> {
  await readListedPart(entry);
  try {
    await unlink(entry.file);
  } catch (e) {
    throw new WorkstationError(`The master key part file ${entry.file} cannot be removed (${errnoCode(e) ?? 'unknown error'}).`, entry.file);
  }
  await syncDirectory(dirname(entry.file));
}
