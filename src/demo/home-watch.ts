/**
 * Following a file another process replaces (presenter.json, progress.json, the workstation's
 * selection): watches its directory, since every write renames a new file over the old one.
 * Views that use it also re-read once a second, for file systems that do not report changes.
 */
import { watch, type FSWatcher } from 'node:fs';

/** Calls `onChange` when an entry of `dir` named in `names` changes (any entry when `names` is null). */
export function watchEntries(dir: string, names: readonly string[] | null, onChange: () => void): { close(): void } {
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (names === null || name === null || names.includes(name)) onChange();
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    // No such directory yet: the once-a-second read covers it.
  }
  return { close: () => watcher?.close() };
}
