/**
 * A cross-process lock file (created with O_EXCL). A lock whose owner process is gone, or that is
 * older than STALE_MS, is broken, so a killed tkesim never wedges its home.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';

const STALE_MS = 30_000;
const WAIT_MS = 20_000;

export class LockTimeoutError extends Error {
  constructor(readonly file: string) {
    super(`Another tkesim process is holding ${file} and did not release it in ${WAIT_MS / 1000} s. Try again; if no other tkesim is running, delete that file.`);
  }
}

function ownerAlive(path: string): boolean {
  try {
    const [pidText, stampText] = readFileSync(path, 'utf8').split(' ');
    const pid = Number(pidText);
    const stamp = Number(stampText);
    if (Number.isFinite(stamp) && Date.now() - stamp > STALE_MS) return false;
    if (!Number.isInteger(pid) || pid <= 0) {
      return Date.now() - statSync(path).mtimeMs < 1000;
    }
    process.kill(pid, 0);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPERM') return true;
    if (code === 'ENOENT') return false;
    return code !== 'ESRCH' ? true : false;
  }
}

function tryAcquire(path: string): boolean {
  try {
    const fd = openSync(path, 'wx', 0o600);
    writeSync(fd, `${process.pid} ${Date.now()}`);
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    if (!ownerAlive(path)) {
      try { unlinkSync(path); } catch { /* another process broke it first */ }
    }
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` while holding the lock file at `path`. */
export async function withLock<T>(path: string, fn: () => Promise<T> | T): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  let delay = 2;
  while (!tryAcquire(path)) {
    if (Date.now() > deadline) throw new LockTimeoutError(path);
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 50);
  }
  try {
    return await fn();
  } finally {
    try { unlinkSync(path); } catch { /* already gone */ }
  }
}
