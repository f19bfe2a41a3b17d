/**
 * `tkesim record NAME [--input] [--cols N] [--rows N] -- [tkesim arguments]`: runs tkesim in a
 * pseudo-terminal (node-pty) and records exactly what the terminal showed into NAME.cast; the
 * tkesim inside writes NAME.journal.jsonl and sends markers and input permission over the channel.
 */
import { existsSync, rmSync } from 'node:fs';
import { CastWriter, monotonicClock } from './cast-writer.ts';
import { CHANNEL_ENV, ChannelParser } from './record-channel.ts';
import { sessionFiles, sessionNameProblem } from '../journal/session-files.ts';
import { INPUT_ENV, JOURNAL_ENV, TRAINEE_ENV } from './start-recording.ts';
import { takeRecordOptions } from './record-options.ts';

const USAGE = 'Usage: tkesim record NAME [--input] [--trainee NAME] [--cols N] [--rows N] -- [tkesim arguments]\n' +
  '  Without arguments after --, records the shell. --input also records keystrokes (never while a secret is typed).';

interface RecordArgs {
  readonly name: string;
  readonly input: boolean;
  readonly trainee: string | null;
  readonly cols: number | null;
  readonly rows: number | null;
  readonly child: string[];
}

function parse(args: string[]): RecordArgs | string {
  const dash = args.indexOf('--');
  const own = dash < 0 ? args : args.slice(0, dash);
  const child = dash < 0 ? [] : args.slice(dash + 1);
  const [name, ...flags] = own;
  const problem = sessionNameProblem(name);
  if (problem || name === undefined) return problem ?? 'no name';
  let input = false;
  let trainee: string | null = null;
  let cols: number | null = null;
  let rows: number | null = null;
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i];
    const size = () => {
      const v = Number(flags[++i]);
      if (!Number.isInteger(v) || v < 20 || v > 500) throw new Error(`${f} needs a number from 20 to 500.`);
      return v;
    };
    if (f === '--input') input = true;
    else if (f === '--trainee') {
      const taken = takeRecordOptions([f, flags[++i] ?? '']);
      if (typeof taken === 'string') return taken;
      trainee = taken.options.trainee ?? null;
    }
    else if (f === '--cols') cols = size();
    else if (f === '--rows') rows = size();
    else return `Unknown option ${JSON.stringify(f)} (arguments for the recorded tkesim go after --).`;
  }
  return { name, input, trainee, cols, rows, child };
}

export async function recordCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let parsed: RecordArgs | string;
  try {
    parsed = parse(args);
  } catch (e) {
    parsed = (e as Error).message;
  }
  if (typeof parsed === 'string') {
    process.stderr.write(`tkesim record: ${parsed}\n${USAGE}\n`);
    return 2;
  }
  const { spawn } = await import('node-pty');
  const files = sessionFiles(parsed.name);
  rmSync(files.journal, { force: true });
  const out = process.stdout;
  const cols = parsed.cols ?? (out.isTTY ? out.columns : 100);
  const rows = parsed.rows ?? (out.isTTY ? out.rows : 30);
  const clock = monotonicClock();
  const cast = new CastWriter(files.cast, { width: cols, height: rows, title: `tkesim: ${parsed.name}`, env, clock });
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...env, [CHANNEL_ENV]: '1', [JOURNAL_ENV]: files.journal, [INPUT_ENV]: parsed.input ? '1' : '0', [TRAINEE_ENV]: parsed.trainee ?? undefined })) if (v !== undefined) childEnv[k] = v;
  const pty = spawn(process.execPath, [...process.execArgv, process.argv[1] ?? '', ...parsed.child], {
    name: env.TERM ?? 'xterm-256color', cols, rows, cwd: process.cwd(), env: childEnv,
  });
  const parser = new ChannelParser();
  let inputAllowed = false;
  const show = (text: string) => {
    out.write(text);
    cast.output(text);
  };
  pty.onData((data) => parser.push(data, show, (m) => {
    if (m.kind === 'marker') cast.marker(m.label);
    else if (m.kind === 'drop') cast.dropInput();
    else inputAllowed = m.allowed;
  }));
  const stdin = process.stdin;
  const raw = stdin.isTTY === true;
  if (raw) stdin.setRawMode(true);
  const onInput = (d: Buffer) => {
    if (parsed.input && inputAllowed) cast.input(d);
    pty.write(d.toString('utf8'));
  };
  stdin.on('data', onInput);
  const onResize = () => {
    pty.resize(out.columns, out.rows);
    cast.resize(out.columns, out.rows);
  };
  if (out.isTTY && parsed.cols === null) out.on('resize', onResize);
  const code = await new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  parser.flush(show);
  stdin.off('data', onInput);
  out.off('resize', onResize);
  if (raw) stdin.setRawMode(false);
  stdin.pause();
  cast.close();
  process.stderr.write(`Recorded: ${files.cast}${existsSync(files.journal) ? ` and ${files.journal}` : ' (no journal: nothing ran commands in a shell or demo)'}\n`);
  return code;
}
