/**
 * The shell's resident memory. After a command, once the shell is idle, it asks V8 for a full
 * collection: a ceremony's signatures, key derivations and frames leave garbage that V8 would
 * otherwise keep resident until the heap grows further. The collector is reached through V8's own
 * flag, as `node --expose-gc` would.
 *
 * And the young generation is kept at its first size: V8 grows it up to 2 x 16 MB under a
 * ceremony's allocations and never gives it back. The flag is set at run time, after the first
 * frame: a heap-size flag on the command line (`--max-semi-space-size`) would cost every launch
 * about 30 ms, because V8 then refuses Node's cached code for its built-in modules (npm run bench).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    collect = typeof gc === 'function' ? () => void (gc as () => unknown)() : null;
  } catch {
    collect = null;
  }
  return collect;
}

/** Stops the young generation from growing (see above). */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

let timer: NodeJS.Timeout | null = null;

/** Collects once the shell has been idle for `ms` (a later call restarts the wait). */
export function collectWhenIdle(ms = 300): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    collector()?.();
  }, ms);
  timer.unref();
}
