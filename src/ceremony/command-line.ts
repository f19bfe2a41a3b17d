/** What a typed or scripted line is, as the ceremony sees it: the TKE command's name and its positionals. */
import { CATALOGUE } from '../commands/help.ts';
import { parseArgs, stripPrefix, words } from '../engine/parse.ts';

export type ParsedLine =
  | { readonly ok: true; readonly command: string; readonly positionals: readonly string[] }
  | { readonly ok: false; readonly message: string };

export function parseCommandLine(line: string): ParsedLine {
  const w = words(line);
  if (w === null) return { ok: false, message: 'a quotation mark is not closed' };
  const found = CATALOGUE.lookup(stripPrefix(w));
  if (!found) return { ok: false, message: `"${(w[0] ?? '').slice(0, 40)}" is not a tkesim command` };
  const parsed = parseArgs(found.command, found.rest);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  return { ok: true, command: found.command.name, positionals: parsed.args.positionals };
}

/** The command's name, or null when the line is not a command. */
export function commandName(line: string): string | null {
  const parsed = parseCommandLine(line);
  return parsed.ok ? parsed.command : null;
}
