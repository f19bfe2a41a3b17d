/**
 * A cross-process lock file (created with O_EXCL) holding a token unique to its holder. A lock whose
 * owner process is gone, or that is older than STALE_MS, is broken: it is renamed away first and
 * removed only if it still holds the token judged stale, so two processes breaking the same lock
 * never delete a live one. A holder releases only a lock that still holds its own token.
 */
import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

const STALE_MS = 30_000;
const EMPTY_GRACE_MS = 1_000;
const WAIT_MS = 20_000;

export class LockTimeoutError extends Error {
  constructor(readonly file: string) {
    super(`Another tkesim process is holding ${file} and did not release it in ${WAIT_MS / 1000} s. Try again; if no other tkesim is running, delete that file.`);
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** True when the lock's content names a live owner (or cannot be judged yet). */
function ownerAlive(content: string): boolean {
  const [pidText, stampText] = content.split(' ');
  const pid = Number(pidText);
  const stamp = Number(stampText);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isFinite(stamp)) return true;
  if (Date.now() - stamp > STALE_MS) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Removes a stale lock if it still holds `content`; a lock taken meanwhile is put back. */
function breakStale(path: string, content: string): void {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  if (read(aside) === content) {
    try { unlinkSync(aside); } catch { /* gone */ }
    return;
  }
  // Someone else's fresh lock was moved: put it back unless a newer one exists.
  try {
    const fd = openSync(path, 'wx', 0o600);
    writeSync(fd, read(aside) ?? '');
    closeSync(fd);
  } catch { /* a newer lock exists */ }
  try { unlinkSync(aside); } catch { /* gone */ }
}

function tryAcquire(path: string, token: string): boolean {
  try {
    const fd = openSync(path, 'wx', 0o600);
    writeSync(fd, token);
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const content = read(path);
    // A lock file that vanished is retried, never deleted; an empty one is given a moment to be
    // written (its creator may have been killed in between).
    if (content === null) return false;
    if (content === '' ? ageMs(path) > EMPTY_GRACE_MS : !ownerAlive(content)) breakStale(path, content);
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` while holding the lock file at `path`. */
export async function withLock<T>(path: string, fn: () => Promise<T> | T): Promise<T> {
  const token = `${process.pid} ${Date.now()} ${randomBytes(8).toString('hex')}`;
  const deadline = Date.now() + WAIT_MS;
  let delay = 2;
  while (!tryAcquire(path, token)) {
    if (Date.now() > deadline) throw new LockTimeoutError(path);
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 50);
  }
  try {
    return await fn();
  } finally {
    if (read(path) === token) {
      try { unlinkSync(path); } catch { /* already gone */ }
    }
  }
}
