/**
 * The entry: `tkesim` alone opens the shell in a terminal; `tkesim <command>` runs one TKE command
 * like `ibmcloud tke <command>` and exits 0 (OK), 1 (FAILED) or 2 (usage). One-shot mode never
 * loads Ink or React.
 */

const NO_TERMINAL = [
  'tkesim needs a terminal for its interactive shell.',
  'Without one, run a single command, for example:',
  '  tkesim cryptounits',
  '  printf "1 2\\n" | tkesim cryptounit-add',
  'Answers to prompts are read one per line from standard input. Run "tkesim help" for every command.',
].join('\n');

/**
 * Front-ends other than one TKE command, by their first word. Each loads its module lazily, so a
 * one-shot command never pays for them.
 */
const ROUTES: Readonly<Record<string, (args: string[], env: NodeJS.ProcessEnv) => Promise<number>>> = {
  // The player plugs nothing into a shell: it loads the plug-ins only if the viewer takes over.
  replay: async (args, env) => (await import('./replay/replay-cli.ts')).replayCommand(args, env, plugIn),
  demo: async (args, env) => (await import('./demo/demo-cli.ts')).demoCommand(args, env),
  record: async (args, env) => (await import('./record/pty-recorder.ts')).recordCommand(args, env),
  learn: async (args, env) => (await import('./lessons/learn.ts')).learn(args, env),
  ceremony: async (args, env) => (await import('./ceremony/ceremony-cli.ts')).ceremonyCommand(args, env),
  report: async (args) => (await import('./review/report-cli.ts')).reportCommand(args),
  export: async (args) => (await import('./review/export-cli.ts')).exportCommand(args),
  presenter: async (args, env) => (await import('./demo/presenter-cli.ts')).presenterCommand(args, env),
  watch: async (args, env) => (await import('./demo/watch-cli.ts')).watchCommand(args, env),
};

/** Routes that never open a shell, or load the shell's plug-ins themselves when they do (replay). */
const NO_SHELL = new Set(['report', 'export', 'presenter', 'watch', 'replay']);

/** Front-ends that plug into every shell (the recorder); loaded only where a shell may start. */
const plugIn = async (): Promise<void> => {
  await import('./record/plugin.ts');
  await import('./lessons/index.ts');
};

/**
 * The shell's own bundle: its path is defined by scripts/build.mjs (and absent when running from the
 * sources, where the module is imported as it is).
 */
function loadShell(): Promise<typeof import('./shell-main.ts')> {
  return process.env.TKESIM_SHELL_BUNDLE ? import(new URL(process.env.TKESIM_SHELL_BUNDLE, import.meta.url).href) : import('./shell-main.ts');
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--record' || argv.length === 0 || (argv[0] !== undefined && argv[0] in ROUTES && !NO_SHELL.has(argv[0])) || process.env.TKESIM_RECORD_CHANNEL === '1') await plugIn();
  if (argv[0] === '--record') return (await import('./record/record-flag.ts')).recordFlag(argv.slice(1), process.env, main);
  if (process.env.TKESIM_RECORD_CHANNEL === '1') return (await import('./record/record-flag.ts')).withChannel(process.env, () => main(argv));
  // The signing service runs in the foreground until Ctrl-C: its own front-end, never in the shell.
  if (argv[0] === 'sim' && argv[1] === 'signserv') return (await import('./signserv/cli.ts')).signservCommand(argv.slice(2), process.env);
  const route = argv[0] === undefined ? undefined : ROUTES[argv[0]];
  if (route) return route(argv.slice(1), process.env);
  if (argv.length === 0) {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      process.stderr.write(`${NO_TERMINAL}\n`);
      return 2;
    }
    const { startShell } = await import('./shell/start.tsx');
    return startShell(process.env);
  }
  // One TKE command: its modules load only here, so the shell's first frame never waits for them.
  return (await import('./oneshot/one-shot.ts')).runOneShot(argv);
}

/**
 * `tkesim` alone in a terminal, the path a trainee takes first: the shell from its own bundle. Not
 * within a recording (`--record`, `tkesim record`): the recorder and the shell it follows must
 * come from the same bundle, this one, so those go through `main`.
 */
function start(argv: string[]): Promise<number> {
  if (argv.length === 0 && process.stdin.isTTY && process.stdout.isTTY && process.env.TKESIM_RECORD_CHANNEL !== '1') return loadShell().then((m) => m.runShell(process.env));
  return main(argv);
}

start(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`tkesim: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
