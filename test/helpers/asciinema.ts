/** `asciinema cat FILE` (Debian's asciinema 2.2 opens /dev/tty, so it runs under `script`). */
import { spawnSync } from 'node:child_process';

export function asciinemaAvailable(): boolean {
  return spawnSync('asciinema', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Runs `asciinema cat` in a pseudo-terminal; returns its exit status and output. */
export function asciinemaCat(file: string): { readonly status: number | null; readonly out: string } {
  const quoted = `'${file.replace(/'/g, "'\\''")}'`;
  const r = spawnSync('script', ['-qec', `asciinema cat ${quoted}`, '/dev/null'], { encoding: 'utf8', timeout: 60_000, stdio: ['pipe', 'pipe', 'pipe'], input: '' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** CI installs asciinema (.ci/run); elsewhere its tests are skipped when it is missing. */
export const ASCIINEMA_REQUIRED = process.env.CI !== undefined && process.env.CI !== '';
