export async function exportCommand(argv: string[]): Promise<number> {
  process.stderr.write(`not yet ${argv.length}\n`);
  return 2;
}
