/**
 * After a command, once the shell is idle, asks V8 for a full collection: a ceremony's signatures,
 * key derivations and frames leave garbage that V8 would otherwise keep resident until the heap
 * grows further. The collector is reached through V8's own flag, as `node --expose-gc` would.
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
