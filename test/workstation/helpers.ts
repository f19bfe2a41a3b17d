/** Shared by the workstation tests: fresh directories, a random source, file inspection. */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';

/** A fresh, empty directory under the system temp dir, removed when the test ends. */
export async function freshDir(t: ExecutionContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tkesim-ws-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export const random = (n: number): Uint8Array => new Uint8Array(randomBytes(n));

/** A reproducible random source: byte i of the stream is (seed + i) * 31 mod 256. */
export function countingRandom(seed = 1): (n: number) => Uint8Array {
  let next = seed;
  return (n) => Uint8Array.from({ length: n }, () => (next++ * 31) & 0xff);
}

export async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

/** Every way a secret could appear in a file in clear: raw bytes, hex (both cases), base64. */
export function secretForms(secret: Uint8Array): Buffer[] {
  const raw = Buffer.from(secret);
  const hex = raw.toString('hex');
  return [raw, Buffer.from(hex), Buffer.from(hex.toUpperCase()), Buffer.from(raw.toString('base64')), Buffer.from(raw.toString('base64url'))];
}

/** Asserts that none of `needles` occurs in the bytes of `file`. */
export async function assertAbsent(t: ExecutionContext, file: string, needles: readonly Buffer[]): Promise<void> {
  const bytes = await readFile(file);
  for (const needle of needles) t.is(bytes.indexOf(needle), -1, `a secret occurs in ${file}`);
}

/** A snapshot of a file that changes if its content, mode or mtime changes. */
export async function fileState(path: string): Promise<string> {
  const s = await stat(path);
  return `${(await readFile(path)).toString('hex')} ${s.mode} ${s.mtimeMs} ${s.ino}`;
}

/** Rewrites a JSON file through `edit` (to build damaged or forged files). */
export async function editJson(path: string, edit: (json: Record<string, unknown>) => void): Promise<void> {
  const json: Record<string, unknown> = JSON.parse(await readFile(path, 'utf8'));
  edit(json);
  await writeFile(path, JSON.stringify(json, null, 2));
}
