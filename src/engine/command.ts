/**
 * The interface a command implements: its definition (name, flags, help) and its dialog. The
 * engine owns it; command modules (src/commands) implement it.
 */
import type { CommandContext } from './context.ts';
import type { Outcome } from './outcome.ts';

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
  return requiredRole(command) !== null;
}

/**
 * The IAM service access role a command needs on the instance (reference 1.4, IBM doc
 * manage-access): viewing and setting the context (cryptounits, cryptounit-add/-rm, -compare,
 * -admins, -thrhlds, -mk) need Manager; administration, master key and auto commands accept
 * Manager or Crypto unit administrator. Null: the command sends no request to the service.
 */
export type ServiceRole = 'Manager' | 'Manager or Crypto unit administrator';

export function requiredRole(command: TkeCommand): ServiceRole | null {
  switch (command.group) {
    case 'selection':
      return 'Manager';
    case 'administration':
    case 'master key':
    case 'recovery':
      return 'Manager or Crypto unit administrator';
    case 'workstation':
    case 'simulator':
    case 'help':
      return null;
  }
}
