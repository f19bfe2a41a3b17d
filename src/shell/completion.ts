/**
 * Tab completion: command names at the first word (after an optional `tke ` or `ibmcloud tke `),
 * flags of the current command, and numbers in context (CRYPTO UNIT NUMs, signature key KEYNUMs,
 * key part KEYNUMs). Pure; the numbers are read lazily, only when the context needs them.
 */

export interface CompletionContext {
  readonly commands: readonly string[];
  readonly flags: Readonly<Record<string, readonly string[]>>;
  /** Signature key KEYNUMs (sigkeys). */
  readonly keynums: () => readonly number[];
  /** Master key part KEYNUMs (mks). */
  readonly partKeynums: () => readonly number[];
  /** CRYPTO UNIT NUMs. */
  readonly unitNumbers: () => readonly number[];
}

export type Completion =
  | { readonly kind: 'none' }
  /** One match: the word is completed (and followed by a space). */
  | { readonly kind: 'single'; readonly buffer: string; readonly cursor: number }
  /** Several matches: the word is extended to their common prefix; the candidates are to be shown. */
  | { readonly kind: 'many'; readonly buffer: string; readonly cursor: number; readonly candidates: readonly string[] };

type NumberSource = 'keynums' | 'partKeynums' | 'unitNumbers';

/** Which numbers each command takes as arguments (its flags may pre-answer its KEYNUM prompts). */
export const NUMBER_ARGUMENTS: Readonly<Record<string, NumberSource>> = {
  'cryptounit-add': 'unitNumbers',
  'cryptounit-rm': 'unitNumbers',
  'sigkey-sel': 'keynums',
  'sigkey-rm': 'keynums',
  'cryptounit-admin-add': 'keynums',
  'mk-rm': 'partKeynums',
  'cryptounit-mk-load': 'partKeynums',
};

const HELP_COMMANDS = new Set(['help', 'h']);

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** The words a completion may offer for the word being typed, given the words before it. */
function candidatesFor(before: readonly string[], word: string, ctx: CompletionContext): readonly string[] {
  let args = before;
  if (before[0] === 'ibmcloud') {
    if (before.length === 1) return ['tke'];
    if (before[1] !== 'tke') return [];
    args = before.slice(2);
  } else if (before[0] === 'tke') {
    args = before.slice(1);
  }
  const [command, ...rest] = args;
  if (command === undefined) {
    const prefixes = before.length === 0 && word !== '' ? ['tke', 'ibmcloud'] : [];
    return [...ctx.commands, ...prefixes];
  }
  if (HELP_COMMANDS.has(command)) return rest.length === 0 ? ctx.commands : [];
  const flags = ctx.flags[command] ?? [];
  const source = NUMBER_ARGUMENTS[command];
  if (word.startsWith('-') || !source) return flags;
  if (!/^\d*$/.test(word)) return [];
  const used = new Set(rest);
  return ctx[source]().map(String).filter((n) => !used.has(n));
}

export function complete(buffer: string, cursor: number, ctx: CompletionContext): Completion {
  const head = buffer.slice(0, cursor);
  const tail = buffer.slice(cursor);
  const wordStart = head.search(/\S*$/);
  const word = head.slice(wordStart);
  const before = head.slice(0, wordStart).split(/\s+/).filter(Boolean);
  const matches = [...new Set(candidatesFor(before, word, ctx))].filter((c) => c.startsWith(word));
  if (matches.length === 0) return { kind: 'none' };
  const replace = (text: string) => ({ buffer: head.slice(0, wordStart) + text + tail, cursor: wordStart + text.length });
  if (matches.length === 1) {
    const only = matches[0] ?? '';
    return { kind: 'single', ...replace(/^\s/.test(tail) ? only : `${only} `) };
  }
  return { kind: 'many', ...replace(commonPrefix(matches)), candidates: matches };
}
