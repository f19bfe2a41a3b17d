/** Where the simulated cloud and the workstation live: light enough for the shell's first frame. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { resolveCloudTkeFiles } from '../workstation/directory.ts';

export interface Paths {
  /** TKESIM_HOME: the simulated cloud. */
  readonly home: string;
  /** CLOUDTKEFILES: the workstation. */
  readonly tkeFiles: string;
}

export function resolvePaths(env: NodeJS.ProcessEnv): Paths {
  const home = env.TKESIM_HOME && env.TKESIM_HOME !== '' ? env.TKESIM_HOME : join(homedir(), '.tkesim');
  return { home, tkeFiles: resolveCloudTkeFiles(env, home) };
}
