/**
 * `tkesim ceremony [SCRIPT] [--check] [--out NAME]`: lists the shipped scripts; checks one (validate,
 * then a dry run with its training values); or runs it in the shell, recorded, and writes its record.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { resolvePaths } from '../engine/context.ts';
import { sessionFiles, sessionNameProblem } from '../journal/session-files.ts';
import { activeRecorder, withRecording } from '../record/index.ts';
import { CEREMONY_HELP, checkReport, scriptList } from './ceremony-text.ts';
import { dryRun } from './dry-run.ts';
import type { CeremonyScript } from './script-model.ts';
import { parseCeremonyScript, ScriptError } from './script-parse.ts';
import { findScript, scriptId, shippedDir, shippedScripts } from './shipped.ts';

interface Args {
  readonly script: string | null;
  readonly check: boolean;
  readonly out: string | null;
}

function parseArgs(argv: readonly string[]): Args | string {
  let script: string | null = null;
  let check = false;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--check') check = true;
    else if (a === '--out') {
      out = argv[++i] ?? '';
      const problem = sessionNameProblem(out);
      if (problem) return `--out: ${problem.replace('record start', 'tkesim ceremony SCRIPT --out')}`;
    } else if (a.startsWith('-')) return `unknown option ${JSON.stringify(a.slice(0, 40))}.`;
    else if (script === null) script = a;
    else return 'one script at a time.';
  }
  return { script, check, out };
}

function load(file: string): { script: CeremonyScript; sha256: string } | string {
  const text = readFileSync(file, 'utf8');
  try {
    return { script: parseCeremonyScript(text, pathLabel(file), scriptId(file)), sha256: createHash('sha256').update(text).digest('hex') };
  } catch (e) {
    if (e instanceof ScriptError) return e.message;
    throw e;
  }
}

/** How the record names the script: a shipped one by its place in the installation, another by its path. */
function shownPath(file: string): string {
  const shipped = shippedDir();
  return shipped && dirname(file) === shipped ? `sessions/ceremonies/${basename(file)} (shipped with tkesim)` : pathLabel(file);
}

/** A path relative to the working directory when it is below it, else as it is. */
function pathLabel(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') ? file : rel;
}

const stamp = (d: Date): string => d.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

export async function ceremonyCommand(argv: string[], env: NodeJS.ProcessEnv, terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY)): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(`${CEREMONY_HELP}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`tkesim ceremony: ${args}\n${CEREMONY_HELP}\n`);
    return 2;
  }
  if (args.script === null && (args.check || args.out !== null)) {
    process.stderr.write(`tkesim ceremony: which script? Run "tkesim ceremony" for the shipped ones.\n${CEREMONY_HELP}\n`);
    return 2;
  }
  if (args.script === null) {
    process.stdout.write(`${scriptList(shippedScripts().map((f) => ({ file: f, loaded: load(f) })))}\n`);
    return 0;
  }
  const file = findScript(args.script);
  if (!file) {
    process.stderr.write(`tkesim ceremony: "${args.script.slice(0, 80)}" is neither a script file nor a shipped script. Run "tkesim ceremony" for the list.\n`);
    return 2;
  }
  const loaded = load(file);
  if (typeof loaded === 'string') {
    process.stderr.write(`${loaded}\n`);
    return 2;
  }
  const { script, sha256 } = loaded;
  if (args.check) {
    const dir = mkdtempSync(join(tmpdir(), 'tkesim-ceremony-check-'));
    try {
      const run = await dryRun(script, { ...env, TKESIM_HOME: dir }, join(dir, 'world'));
      process.stdout.write(`${checkReport(script, pathLabel(file), run)}\n`);
      return run.ok ? 0 : 1;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!terminal) {
    process.stderr.write(`tkesim ceremony ${args.script} needs a terminal: the people take turns at the keyboard.\nWithout one, "tkesim ceremony ${args.script} --check" validates the script and dry-runs it with its training values.\n`);
    return 2;
  }
  const name = args.out ?? `ceremony-${script.id}-${stamp(new Date())}`;
  // Already recorded (tkesim --record NAME ceremony ...): the record goes beside that recording.
  const recording = activeRecorder()?.options.journalFile.replace(/\.journal\.jsonl$/, '');
  const base = recording ?? sessionFiles(name).base;
  const worldDir = join(resolvePaths(env).home, 'ceremonies', script.id);
  const { startCeremonyShell } = await import('./ceremony-shell.tsx');
  const run = () => startCeremonyShell({ script, source: { file: shownPath(file), sha256 }, env, worldDir, recordBase: base });
  if (recording !== undefined) return run();
  return withRecording({ name, env, title: `tkesim ceremony: ${script.title}` }, run);
}
