/**
 * Following the store from another process: calls `onChange` when world.json is replaced (every
 * write renames a new file over it), at most once per `settleMs`. Watches the home directory, not
 * the file, because an atomic write replaces the file's inode. No polling.
 */
import { watch, type FSWatcher } from 'node:fs';
import { STORE_FILE } from './store-file.ts';

export interface StoreWatch {
  close(): void;
}

export function watchStore(home: string, onChange: () => void, settleMs = 50): StoreWatch {
  return watchDirectory(home, (name) => name === STORE_FILE, onChange, settleMs);
}

/** Calls `onChange` when a file of `dir` that `accept` names changes (temporary and lock files never count). */
export function watchDirectory(dir: string, accept: (name: string) => boolean, onChange: () => void, settleMs = 50): StoreWatch {
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (name !== null && (/\.(tmp|lock)$/.test(name) || !accept(name))) return;
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        onChange();
      }, settleMs);
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    // No home yet, or a file system that cannot be watched: nothing follows, nothing breaks.
  }
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
