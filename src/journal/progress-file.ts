/**
 * A command's progress, published for other terminals: `progress.json` in TKESIM_HOME (mode 0600,
 * replaced atomically) while a one-shot command collects signatures, removed when it ends.
 * `tkesim watch` shows it. It names the command (its first word only) and the signers; nothing secret.
 * A command killed on the way leaves the file behind: readers ignore a file whose process is gone,
 * and the next one-shot command removes it.
 */
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Io, Progress } from '../engine/io.ts';
import { ensurePrivateDir, PRIVATE_FILE } from '../store/private-file.ts';

export const PROGRESS_FILE = 'progress.json';

export interface PublishedProgress {
  readonly pid: number;
  /** The command's name (no arguments). */
  readonly command: string;
  readonly progress: Progress;
}

export function publishProgress(home: string, published: PublishedProgress): void {
  try {
    ensurePrivateDir(home);
    const file = join(home, PROGRESS_FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(published)}\n`, { mode: PRIVATE_FILE });
    renameSync(tmp, file);
  } catch { /* progress is a courtesy to other terminals: it never fails a command */ }
}

/** Whether a process is running (EPERM: running, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e instanceof Error && 'code' in e && e.code === 'EPERM';
  }
}

/** Removes the file if this process wrote it, or if the process that wrote it is gone (its temporary file too). */
export function clearProgress(home: string, pid = process.pid): void {
  const written = readPublished(home);
  if (written && (written.pid === pid || !alive(written.pid))) rmSync(join(home, PROGRESS_FILE), { force: true });
  try {
    for (const f of readdirSync(home)) {
      const writer = /^progress\.json\.(\d+)\.tmp$/.exec(f)?.[1];
      if (writer && !alive(Number(writer))) rmSync(join(home, f), { force: true });
    }
  } catch { /* no home yet */ }
}

const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.map(String) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function progressOf(v: unknown): Progress | null {
  if (typeof v !== 'object' || v === null || !('kind' in v)) return null;
  if (v.kind === 'signatures' && 'needed' in v && 'signed' in v && 'pending' in v) {
    const [needed, signed, pending] = [num(v.needed), strings(v.signed), strings(v.pending)];
    return needed !== null && signed && pending ? { kind: 'signatures', needed, signed, pending } : null;
  }
  if (v.kind === 'work' && 'label' in v && typeof v.label === 'string' && 'done' in v && 'total' in v) {
    const [done, total] = [num(v.done), num(v.total)];
    return done !== null && total !== null ? { kind: 'work', label: v.label, done, total } : null;
  }
  return null;
}

/** The progress of a command still running, or null. */
export function readProgress(home: string): PublishedProgress | null {
  const published = readPublished(home);
  return published && alive(published.pid) ? published : null;
}

function readPublished(home: string): PublishedProgress | null {
  try {
    const v: unknown = JSON.parse(readFileSync(join(home, PROGRESS_FILE), 'utf8'));
    if (typeof v !== 'object' || v === null || !('pid' in v) || !('command' in v) || !('progress' in v)) return null;
    const [pid, progress] = [num(v.pid), progressOf(v.progress)];
    return pid !== null && typeof v.command === 'string' && progress ? { pid, command: v.command, progress } : null;
  } catch {
    return null;
  }
}

/** The io, also publishing its progress reports (a one-shot command: `tkesim watch` shows them). */
export function publishingIo(io: Io, home: string, command: string): Io {
  return {
    print: (text) => io.print(text),
    ask: (question) => io.ask(question),
    progress: (p) => {
      io.progress?.(p);
      publishProgress(home, { pid: process.pid, command, progress: p });
    },
  };
}
