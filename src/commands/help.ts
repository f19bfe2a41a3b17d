/** help [command]: the command list, or one command's usage and details. */
import { OK, usage } from '../engine/outcome.ts';
import { renderTable } from '../render/index.ts';
import type { Group, TkeCommand } from './command.ts';
import { SIM_COMMANDS, TKE_COMMANDS, lookup, suggestions } from './registry.ts';

const GROUPS: readonly [Group, string][] = [
  ['workstation', 'Workstation (CLOUDTKEFILES): signature keys and master key parts'],
  ['selection', 'Crypto units: listing, selection and views'],
  ['administration', 'Administrators, thresholds, zeroize (signed)'],
  ['master key', 'Master key registers (signed)'],
  ['recovery', 'Recovery crypto units, automatic initialization and rotation, failover (signed)'],
];

const DEVIATIONS = [
  'Where tkesim differs from the real system (on purpose):',
  '  - signature keys are Ed25519, not P-521; a subject key identifier is the SHA-256 of the 32-byte public key;',
  '  - the master key is the XOR of its parts; a verification pattern is SHA-256(0x01 || key) with the last 4 bytes zeroed;',
  '  - there is no IBM Cloud login: region, account and resource group are simulated (tkesim sim login renews the simulated login);',
  '  - auto-mk-rotate prints "Delaying 30 seconds ..." but does not wait.',
].join('\n');

export function helpText(name?: string): string | null {
  if (!name) {
    const sections = GROUPS.map(([g, title]) => `${title}:\n${renderTable(['COMMAND', 'DESCRIPTION'], TKE_COMMANDS.filter((c) => c.group === g).map((c) => [c.name, c.summary]))}`);
    return [
      'USAGE: tkesim <command> [arguments...]   (in the shell, also "tke <command>" or "ibmcloud tke <command>")',
      '',
      ...sections.flatMap((s) => [s, '']),
      `The simulated world:\n${renderTable(['COMMAND', 'DESCRIPTION'], SIM_COMMANDS.map((c) => [`tkesim ${c.name}`, c.summary]))}`,
      '',
      'Beyond one command at a time:',
      renderTable(['COMMAND', 'DESCRIPTION'], [
        ['tkesim', 'the interactive shell: a live panel of every crypto unit\'s registers (needs a terminal)'],
        ['tkesim learn [N]', 'guided lessons: list them with your progress, or open lesson N'],
        ['tkesim replay FILE', 'play a recorded session (.journal.jsonl or any asciicast .cast)'],
        ['tkesim demo SCRIPT', 'run a scripted demo, one step per key press'],
        ['tkesim --record NAME', 'open the shell and record it to NAME.cast and NAME.journal.jsonl'],
        ['tkesim record NAME -- ARGS', 'record exactly what a terminal shows while tkesim ARGS runs'],
      ]),
      '',
      'Run "help <command>" for what a command asks and how many signatures it needs.',
      '',
      DEVIATIONS,
    ].join('\n');
  }
  const found = lookup(name.split(/\s+/));
  if (!found) return null;
  return describeCommand(found.command);
}

export function describeCommand(c: TkeCommand): string {
  const flags = (c.flags ?? []).map((f) => `  --${f.name}${f.kind === 'boolean' ? '' : f.choices ? ` ${f.choices.join('|')}` : ' VALUE'}   ${f.description}`);
  return [`NAME: ${c.name} - ${c.summary}`, '', `USAGE: tkesim ${c.usage}`, ...(flags.length ? ['', 'OPTIONS:', ...flags] : []), '', c.details].join('\n');
}

export const help: TkeCommand = {
  name: 'help', aliases: ['h'], group: 'help', maxPositionals: 3,
  summary: 'Show the commands, or how to use one',
  usage: 'help [command]',
  details: 'Without a command, lists every command. With one, shows its usage, options and what it needs.',
  async run(ctx, args) {
    const name = args.positionals.join(' ');
    const text = helpText(name || undefined);
    if (text === null) {
      const near = suggestions(name);
      return usage(`"${name}" is not a tkesim command.${near.length ? ` Did you mean: ${near.join(', ')}?` : ''} Run "help" for the list.`);
    }
    ctx.io.print(text);
    return OK;
  },
};

export const ALL_COMMANDS: readonly TkeCommand[] = [...TKE_COMMANDS, ...SIM_COMMANDS, help];

/** Every command, as the engine's runner finds them. */
export const CATALOGUE = {
  lookup: (w: readonly string[]) => lookup(w, ALL_COMMANDS),
  suggestions,
};
