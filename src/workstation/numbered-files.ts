/**
 * Numbered files in CLOUDTKEFILES (`1.sigkey`, `2.mkpart`, ...): listing them in KEYNUM order and
 * creating the next one without ever overwriting a file another process created meanwhile.
 */
import { constants } from 'node:fs';
import { copyFile, link, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDirectory, writeSyncedTemp, errnoCode } from './directory.ts';
import { WorkstationError } from './errors.ts';

export interface NumberedFile {
  /** Absolute path of the file. */
  readonly file: string;
  /** The number in the file name, or null for a file renamed by hand (`alice.sigkey`). */
  readonly number: number | null;
}

const NUMBERED = /^\d{1,15}$/;

/**
 * Every `*.<extension>` file in `dir` (hidden files excluded, as a shell glob would), numbered
 * names first in numeric order, then other names in code-point order. KEYNUM = position + 1.
 */
export async function listNumberedFiles(dir: string, extension: string): Promise<NumberedFile[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new WorkstationError(`The workstation directory ${dir} cannot be read (${errnoCode(e) ?? 'unknown error'}).`, dir);
  }
  const suffix = `.${extension}`;
  const found: { name: string; number: number | null }[] = [];
  for (const entry of entries) {
    const name = entry.name;
    if (!name.endsWith(suffix) || name.startsWith('.') || name.length === suffix.length) continue;
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const stem = name.slice(0, -suffix.length);
    found.push({ name, number: NUMBERED.test(stem) ? Number(stem) : null });
  }
  found.sort((a, b) => {
    if (a.number !== null && b.number !== null && a.number !== b.number) return a.number - b.number;
    if (a.number !== null && b.number === null) return -1;
    if (a.number === null && b.number !== null) return 1;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  return found.map(({ name, number }) => ({ file: join(dir, name), number }));
}

/** The KEYNUM of `file` in its directory's current listing. */
export async function keynumOf(dir: string, extension: string, file: string): Promise<number> {
  const index = (await listNumberedFiles(dir, extension)).findIndex((f) => f.file === file);
  if (index < 0) throw new WorkstationError(`The file ${file} disappeared from ${dir} while it was being created.`, file);
  return index + 1;
}

const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Publishes `temp` as `target` only if `target` does not exist. False if it exists. */
async function publishExclusive(temp: string, target: string): Promise<boolean> {
  try {
    await link(temp, target);
    return true;
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'EEXIST') return false;
    if (code === undefined || !LINK_UNSUPPORTED.has(code)) throw e;
  }
  try {
    await copyFile(temp, target, constants.COPYFILE_EXCL);
    return true;
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') return false;
    throw e;
  }
}

/**
 * Creates `<n>.<extension>` in `dir` with `data` (mode 0600), n = 1 + the highest number in use.
 * The content is complete and on disk before the name appears. Returns the new file's path.
 */
export async function createNumberedFile(dir: string, extension: string, data: string): Promise<string> {
  const temp = await writeSyncedTemp(join(dir, `new.${extension}`), data, 0o600);
  try {
    let taken = 0; // a name found in use that the listing does not show (a directory, say)
    for (let attempt = 0; attempt < 100; attempt++) {
      const numbers = (await listNumberedFiles(dir, extension)).map((f) => f.number ?? 0);
      const next = Math.max(taken, ...numbers) + 1;
      const target = join(dir, `${next}.${extension}`);
      if (await publishExclusive(temp, target)) {
        await syncDirectory(dir);
        return target;
      }
      taken = next;
    }
    throw new WorkstationError(`No free file name for a new .${extension} file was found in ${dir}.`, dir);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
