/** The shape of a command module: its definition (name, flags, help) and its dialog. */
import type { CommandContext } from '../engine/context.ts';
import type { Outcome } from '../engine/outcome.ts';

export interface FlagSpec {
  readonly name: string;
  readonly kind: 'boolean' | 'string' | 'integer';
  readonly description: string;
  readonly choices?: readonly number[];
}

export interface Args {
  readonly positionals: readonly string[];
  readonly flags: Readonly<Record<string, string | number | boolean>>;
}

export type Group = 'workstation' | 'selection' | 'administration' | 'master key' | 'recovery' | 'simulator' | 'help';

export interface TkeCommand {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly group: Group;
  readonly summary: string;
  /** Usage line after the program name, e.g. `cryptounit-add [CRYPTO_UNIT_NUM ...]`. */
  readonly usage: string;
  /** Longer help: what it does, the signatures it needs, what it asks. */
  readonly details: string;
  readonly flags?: readonly FlagSpec[];
  /** Most positional arguments accepted (pre-answers to the prompts). */
  readonly maxPositionals: number;
  run(ctx: CommandContext, args: Args): Promise<Outcome>;
}

export const flagOn = (args: Args, name: string): boolean => args.flags[name] === true;

/**
 * Whether a command sends requests to the IBM Cloud service (and so needs a valid login). Commands
 * that only read or write workstation files, help and the simulator's own commands do not.
 */
export function callsService(command: TkeCommand): boolean {
  switch (command.group) {
    case 'selection':
    case 'administration':
    case 'master key':
    case 'recovery':
      return true;
    case 'workstation':
    case 'simulator':
    case 'help':
      return false;
  }
}
