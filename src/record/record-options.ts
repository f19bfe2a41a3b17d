/**
 * The options a recording takes wherever it starts (`tkesim --record NAME ...`, `record start NAME`
 * in the shell): `--input` (record keystrokes, never secrets) and `--trainee NAME` (who is recorded;
 * default the login name).
 */

export interface RecordOptions {
  readonly input: boolean;
  readonly trainee: string | undefined;
}

const TRAINEE_MAX = 80;

/** Options anywhere among `words` (as `record start` takes them); the other words, in order. */
export function recordWords(words: readonly string[]): { readonly options: RecordOptions; readonly others: string[] } | string {
  const others: string[] = [];
  const optionWords: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w === '--trainee') optionWords.push(w, words[++i] ?? '');
    else if (w.startsWith('--')) optionWords.push(w);
    else others.push(w);
  }
  const taken = takeRecordOptions(optionWords);
  if (typeof taken === 'string') return taken;
  if (taken.rest.length) return `Unknown option ${JSON.stringify(taken.rest[0])}.`;
  return { options: taken.options, others };
}

/**
 * Reads the leading options of `args` (stopping at the first word that is not one); returns them
 * with the rest, or a sentence on what is wrong.
 */
export function takeRecordOptions(args: readonly string[]): { readonly options: RecordOptions; readonly rest: string[] } | string {
  let input = false;
  let trainee: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--input') input = true;
    else if (a === '--trainee' || a.startsWith('--trainee=')) {
      const value = a === '--trainee' ? args[++i] : a.slice('--trainee='.length);
      const name = value?.trim() ?? '';
      if (name === '' || name.startsWith('-')) return '--trainee needs the name of who is recorded, for example --trainee "Ann Lee".';
      if (name.length > TRAINEE_MAX || /[\u0000-\u001f\u007f]/.test(name)) return `--trainee takes a name of at most ${TRAINEE_MAX} printable characters.`;
      trainee = name;
    } else break;
  }
  return { options: { input, trainee }, rest: args.slice(i) };
}
