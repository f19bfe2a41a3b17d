/**
 * Runs one command line against the engine: parse, find the command, run its dialog, and print
 * how it ended. Every front-end calls this; the three kinds of failure each have one home here.
 */
import { requiredRole, type TkeCommand } from './command.ts';
import { faultsOf } from '../core/faults.ts';
import { FORBIDDEN, UNAUTHORIZED, explanationsOn, refusalLines } from '../render/index.ts';
import type { CommandContext } from './context.ts';
import { DialogEnd, usage, type Outcome } from './outcome.ts';
import { parseArgs, stripPrefix, words } from './parse.ts';

export interface Catalogue {
  lookup(words: readonly string[]): { command: TkeCommand; rest: string[] } | null;
  suggestions(word: string): string[];
}

export function printOutcome(ctx: CommandContext, o: Outcome): void {
  switch (o.status) {
    case 'ok':
      return;
    case 'failed':
      // With TKESIM_EXPLAIN=0 a refusal prints only the real CLI's lines, not tkesim's explanation.
      if (o.refusal && !explanationsOn(ctx.env)) ctx.io.print(refusalLines(o.refusal).join('\n'));
      else ctx.io.print(o.message.startsWith('FAILED') ? o.message : `FAILED\n${o.message}`);
      return;
    case 'usage':
      ctx.io.print(`FAILED\nIncorrect usage: ${o.message}`);
      return;
    case 'cancelled':
      ctx.io.print(o.message);
      return;
  }
}

/** Errors from files and the store carry a user-facing message; anything else is a bug. */
function isUserError(e: unknown): e is Error {
  return e instanceof Error && ['WorkstationError', 'StoreError', 'LockTimeoutError'].includes(e.constructor.name);
}

export async function runArgv(ctx: CommandContext, argv: readonly string[], catalogue: Catalogue): Promise<Outcome> {
  const w = stripPrefix(argv);
  let outcome: Outcome;
  if (w.length === 0) {
    outcome = usage('No command was given. Run "help" for the list of commands.');
  } else {
    const found = catalogue.lookup(w);
    if (!found) {
      const near = catalogue.suggestions(w[0] ?? '');
      const shown = (w[0] ?? '').slice(0, 40);
      outcome = usage(`"${shown}" is not a tkesim command.${near.length ? ` Did you mean: ${near.join(', ')}?` : ''} Run "help" for the list.`);
    } else {
      const parsed = parseArgs(found.command, found.rest);
      outcome = parsed.ok ? await runCommand(ctx, found.command, parsed.args) : usage(`${parsed.message} Run "help ${found.command.name}".`);
    }
  }
  printOutcome(ctx, outcome);
  return outcome;
}

async function runCommand(ctx: CommandContext, command: TkeCommand, args: Parameters<TkeCommand['run']>[1]): Promise<Outcome> {
  try {
    const role = requiredRole(command);
    if (role !== null) {
      // The service checks the token first (401), then the role the command needs (403).
      const faults = faultsOf(await ctx.world());
      if (faults.loginExpired) return { status: 'failed', message: UNAUTHORIZED };
      if (role === 'Manager' && faults.managerRoleMissing === true) return { status: 'failed', message: FORBIDDEN };
    }
    return await command.run(ctx, args);
  } catch (e) {
    if (e instanceof DialogEnd) return e.outcome;
    if (isUserError(e)) return { status: 'failed', message: e.message };
    throw e;
  }
}

export async function runLine(ctx: CommandContext, line: string, catalogue: Catalogue): Promise<Outcome> {
  const w = words(line);
  if (w === null) {
    const o = usage('A quotation mark is not closed.');
    printOutcome(ctx, o);
    return o;
  }
  return runArgv(ctx, w, catalogue);
}
