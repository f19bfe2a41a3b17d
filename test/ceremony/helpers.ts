/** Ceremony scripts and sessions in temporary directories, for tests. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dryRunDesk } from '../../src/ceremony/dry-run.ts';
import type { CeremonyScript } from '../../src/ceremony/script-model.ts';
import { parseCeremonyScript } from '../../src/ceremony/script-parse.ts';
import { CeremonySession } from '../../src/ceremony/session.ts';
import { ROOT } from '../helpers/cli.ts';

// Password files with a cheap KDF: the scripts' files hold training values only.
process.env.TKESIM_SCRYPT_N = '1024';

export const SHIPPED = ['key-part-init', 'rotation', 'recover-zeroized-unit'] as const;

export const shippedText = (name: string): string => readFileSync(join(ROOT, 'sessions', 'ceremonies', `${name}.yaml`), 'utf8');

export const shippedScript = (name: string): CeremonyScript => parseCeremonyScript(shippedText(name), `${name}.yaml`, name);

export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'tkesim-ceremony-'));
}

export function testEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TKESIM_HOME: home, TKESIM_SCRYPT_N: '1024' };
  delete env.CLOUDTKEFILES;
  delete env.TKESIM_SEED;
  return env;
}

/** A prepared session on a throw-away world, with a desk that takes every hand-over. */
export async function preparedSession(script: CeremonyScript): Promise<{ session: CeremonySession; transcript: string[]; home: string }> {
  const home = tempHome();
  const transcript: string[] = [];
  const session = new CeremonySession(script, join(home, 'world'), testEnv(home), dryRunDesk(transcript));
  await session.prepare();
  return { session, transcript, home };
}
