/** help [command]: the command list, or one command's usage and details. */
import { OK, usage } from '../engine/outcome.ts';
import { renderTable } from '../render/index.ts';
import type { Group, TkeCommand } from './command.ts';
import { FIRST_CEREMONY, FRONT_END_HELP } from './front-end-help.ts';
import { SIM_COMMANDS, TKE_COMMANDS, lookup, suggestions } from './registry.ts';

const GROUPS: readonly [Group, string][] = [
  ['workstation', 'Workstation (CLOUDTKEFILES): signature keys and master key parts'],
  ['selection', 'Crypto units: listing, selection and views'],
  ['administration', 'Administrators, thresholds, zeroize (signed)'],
  ['master key', 'Master key registers (signed)'],
  ['recovery', 'Recovery crypto units, automatic initialization and rotation, failover (signed)'],
];

/** Every deliberate difference from the real ibmcloud tke and crypto units (DESIGN.md section 2, reference section 8.3). */
export const DEVIATIONS = [
  'Where tkesim differs from the real system (on purpose):',
  '  - signature keys are Ed25519, not P-521 EC; a subject key identifier is the SHA-256 of the 32-byte public key',
  '    (64 hex digits, shown as the first 30 and "...");',
  '  - the master key is the XOR of its 2 or 3 parts (the real combination is not published); a verification pattern',
  '    is SHA-256(0x01 || key) with the last 4 bytes zeroed, shown as two lines of 32 hex digits;',
  '  - signature key files (N.sigkey) and key part files (N.mkpart) are tkesim\'s own JSON format, not the plug-in\'s:',
  '    {format, version, ...} with the secret sealed by scrypt (N, r, p and salt kept in the file) and AES-256-GCM;',
  '    the real plug-in uses PBKDF2 and P-521 keys, so files do not move between the two;',
  '  - CLOUDTKEFILES: when it is not set, tkesim uses $TKESIM_HOME/tkefiles (default ~/.tkesim/tkefiles), where the',
  '    real plug-in fails; when it is set, the directory must exist, as on the real CLI;',
  '  - there is no IBM Cloud login: region, user, account and resource group are simulated, and "ibmcloud login" is',
  '    never needed (tkesim sim login renews the simulated login after a drill expires it);',
  '  - numbers after a command name (cryptounit-add 1 2, cryptounit-thrhld-set 2 2, ...) pre-answer its prompts:',
  '    tkesim only; the real CLI takes no arguments except mk-add --random / --value and asks every question;',
  '  - after the real CLI\'s lines, tkesim adds its own explanation, each line starting "tkesim:" or "Note (tkesim):"',
  '    (which crypto unit refused, what to do next); TKESIM_EXPLAIN=0 turns them off, for scripts that compare output;',
  '  - the dialogs of cryptounit-cp and the deprecation message of cryptounit-exit-impr are tkesim\'s own wording',
  '    (the real ones are not published); control points are modelled by index 55, 66 and 67 only;',
  '  - auto-mk-rotate prints "Delaying 30 seconds ..." but does not wait.',
].join('\n');

/** For TKE commands that take numbers: the real usage first, then tkesim's pre-answers, marked as tkesim only. */
function usageLines(c: TkeCommand): string[] {
  const tke = c.group !== 'simulator' && c.group !== 'help';
  if (!tke || c.maxPositionals === 0) return [`USAGE: tkesim ${c.usage}`];
  return [
    `USAGE: tkesim ${c.name}`,
    `       tkesim ${c.usage}   (tkesim only)`,
    '',
    `The real CLI (ibmcloud tke ${c.name}) takes no arguments: it asks for each value. In tkesim, values after the`,
    'command name answer those prompts in order, so that a rehearsal fits on one line. Do not use them with the real CLI.',
  ];
}

export function helpText(name?: string): string | null {
  const topic = name === undefined ? undefined : FRONT_END_HELP[name.trim()];
  if (topic) return topic;
  if (name?.trim() === 'sim') return `The simulated world:\n${renderTable(['COMMAND', 'DESCRIPTION'], SIM_COMMANDS.map((c) => [`tkesim ${c.name}`, c.summary]))}\n\nRun "help sim <command>" for one of them.`;
  if (!name) {
    const sections = GROUPS.map(([g, title]) => `${title}:\n${renderTable(['COMMAND', 'DESCRIPTION'], TKE_COMMANDS.filter((c) => c.group === g).map((c) => [c.name, c.summary]))}`);
    return [
      FIRST_CEREMONY,
      '',
      'USAGE: tkesim <command> [arguments...]   (in the shell, also "tke <command>" or "ibmcloud tke <command>")',
      '',
      ...sections.flatMap((s) => [s, '']),
      `The simulated world:\n${renderTable(['COMMAND', 'DESCRIPTION'], SIM_COMMANDS.map((c) => [`tkesim ${c.name}`, c.summary]))}`,
      '',
      'Beyond one command at a time:',
      renderTable(['COMMAND', 'DESCRIPTION'], [
        ['tkesim', 'the interactive shell: a live panel of every crypto unit\'s registers, a table or a diagram (F2); needs a terminal'],
        ['tkesim learn [N]', 'guided lessons: list them with your progress, or open lesson N'],
        ['tkesim replay FILE', 'play a recorded session (.journal.jsonl or any asciicast .cast)'],
        ['tkesim report FILE...', 'what recordings show: mistakes, refusals, hygiene, hints, score; a class table for several'],
        ['tkesim export FILE --html OUT', 'one self-contained page that plays a recording in any browser'],
        ['tkesim demo SCRIPT', 'run a scripted demo, one step per key press'],
        ['tkesim presenter', 'beside a demo: the speaker notes, the next step, the time'],
        ['tkesim watch', 'a projector-sized panel of the world that follows other terminals live'],
        ['tkesim ceremony [SCRIPT]', 'rehearse a ceremony script with roles and a witness; writes its record'],
        ['tkesim --record NAME', 'open the shell and record it to NAME.cast and NAME.journal.jsonl'],
        ['tkesim record NAME -- ARGS', 'record exactly what a terminal shows while tkesim ARGS runs'],
      ]),
      '',
      'Run "help <command>" for what a command asks and how many signatures it needs; "help learn", "help replay",',
      '"help record", "help report", "help export", "help demo", "help ceremony" and "help sim" for tkesim\'s own tools.',
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
  return [`NAME: ${c.name} - ${c.summary}`, '', ...usageLines(c), ...(flags.length ? ['', 'OPTIONS:', ...flags] : []), '', c.details].join('\n');
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
