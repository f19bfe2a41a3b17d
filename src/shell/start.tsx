/** Placeholder until the shell is wired: the entry loads this lazily. */
export async function startShell(_env: NodeJS.ProcessEnv): Promise<number> {
  process.stderr.write('The interactive shell is not available yet; run one command at a time, e.g. tkesim cryptounits.\n');
  return 2;
}
