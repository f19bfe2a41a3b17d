/** Parsing a command line: words, the `tke` / `ibmcloud tke` prefixes, and flags by a command's spec. */
import type { Args, FlagSpec, TkeCommand } from './command.ts';

/** Splits a line into words; single and double quotes group, backslash escapes. Null when a quote is unclosed. */
export function words(line: string): string[] | null {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (quote) return null;
  if (inWord) out.push(cur);
  return out;
}

/** Drops a leading `tke` or `ibmcloud tke`, so muscle memory works both ways. */
export function stripPrefix(argv: readonly string[]): string[] {
  if (argv[0] === 'ibmcloud' && argv[1] === 'tke') return argv.slice(2);
  if (argv[0] === 'tke') return argv.slice(1);
  return [...argv];
}

export type Parsed = { readonly ok: true; readonly args: Args } | { readonly ok: false; readonly message: string };

function parseValue(spec: FlagSpec, raw: string): string | number | null {
  if (spec.kind === 'string') return raw;
  if (!/^\d{1,6}$/.test(raw)) return null;
  const n = Number(raw);
  return spec.choices && !spec.choices.includes(n) ? null : n;
}

export function parseArgs(command: TkeCommand, rest: readonly string[]): Parsed {
  const flags: Record<string, string | number | boolean> = {};
  const positionals: string[] = [];
  const specs = command.flags ?? [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? '';
    if (!word.startsWith('--') || word === '--') {
      positionals.push(word);
      continue;
    }
    const [name = '', inline] = word.slice(2).split(/=(.*)/s, 2);
    const spec = specs.find((s) => s.name === name);
    if (!spec) return { ok: false, message: `Unknown option --${name.slice(0, 40)} for ${command.name}.${specs.length ? ` Options: ${specs.map((s) => `--${s.name}`).join(', ')}.` : ' It takes no options.'}` };
    if (spec.kind === 'boolean') {
      if (inline !== undefined) return { ok: false, message: `--${name} takes no value.` };
      flags[name] = true;
      continue;
    }
    const raw = inline ?? rest[++i];
    if (raw === undefined) return { ok: false, message: `--${name} needs a value.` };
    const value = parseValue(spec, raw);
    if (value === null) return { ok: false, message: `${JSON.stringify(raw.slice(0, 40))} is not a valid value for --${name}${spec.choices ? `: use ${spec.choices.join(' or ')}` : ''}.` };
    flags[name] = value;
  }
  if (positionals.length > command.maxPositionals) {
    return { ok: false, message: command.maxPositionals === 0 ? `${command.name} takes no arguments.` : `Too many arguments for ${command.name}.` };
  }
  return { ok: true, args: { positionals, flags } };
}
