/** CLOUDTKEFILES: finding the workstation directory, and reading and writing its files safely. */
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { damagedFile, WorkstationError } from './errors.ts';

function inaccessible(dir: string): WorkstationError {
  return new WorkstationError(
    `The directory specified by the CLOUDTKEFILES environment variable cannot be accessed. Check that it exists.\nCLOUDTKEFILES=${dir}`,
    dir,
  );
}

/**
 * The workstation directory. When CLOUDTKEFILES is set (and not empty) it must already exist, as
 * with the real CLI; otherwise `<home>/tkefiles` is used and created (mode 0700) if needed.
 */
export function resolveCloudTkeFiles(env: NodeJS.ProcessEnv, home: string): string {
  const named = env.CLOUDTKEFILES;
  if (named !== undefined && named !== '') {
    const dir = resolve(named);
    try {
      if (!statSync(dir).isDirectory()) throw inaccessible(named);
      accessSync(dir, constants.R_OK | constants.W_OK | constants.X_OK);
    } catch {
      throw inaccessible(named);
    }
    return dir;
  }
  const dir = resolve(home, 'tkefiles');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    accessSync(dir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch {
    throw new WorkstationError(`The workstation directory ${dir} cannot be created or accessed. Set CLOUDTKEFILES to an existing directory.`, dir);
  }
  return dir;
}

/**
 * Writes `data` to a new hidden temporary file beside `path` (same directory, so a rename or link
 * stays on one file system), with `mode` and flushed to disk. Returns the temporary file's path.
 */
export async function writeSyncedTemp(path: string, data: string, mode = 0o600): Promise<string> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.chmod(mode);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  return temp;
}

/** Flushes a directory entry change to disk where the platform allows it. */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try { await handle.sync(); } finally { await handle.close(); }
  } catch {
    /* not supported on this platform or file system: the rename itself is still atomic */
  }
}

/** Replaces `path` atomically: readers see the old content or the new, never a mix. */
export async function writeFileAtomic(path: string, data: string, mode = 0o600): Promise<void> {
  const temp = await writeSyncedTemp(path, data, mode);
  try {
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncDirectory(dirname(path));
}

export function errnoCode(e: unknown): string | undefined {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** True when `text` ends inside a string, object or array: the file was cut short. */
function endsOpen(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const c of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0 || text.trim() === '';
}

/** Parses JSON read from `path`. The parser's own message is never shown: it quotes the input. */
export function parseJsonText(text: string, path: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw damagedFile(what, path, endsOpen(text) ? 'truncated JSON' : 'invalid JSON');
  }
}

/** Reads and parses a JSON file; any failure is a WorkstationError naming the file. */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  const value = await readJsonFileIfExists(path, what);
  if (value === undefined) throw new WorkstationError(`The ${what} file ${path} cannot be read: it does not exist.`, path);
  return value;
}

/** As readJsonFile, but a missing file gives `undefined`. */
export async function readJsonFileIfExists(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOENT') return undefined;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : `error ${code ?? 'unknown'}`;
    throw new WorkstationError(`The ${what} file ${path} cannot be read (${why}).`, path);
  }
  return parseJsonText(text, path, what);
}
