/** Asking questions and validating the answers. A bad answer ends the dialog with a clear FAILED. */
import { DialogEnd, fail } from './outcome.ts';
import type { Io, SecretLabel } from './io.ts';
import { rememberSecret } from './secrets.ts';

function ended(): never {
  throw new DialogEnd({ status: 'cancelled', message: 'No answer was given (the input ended or the dialog was cancelled). Nothing was changed.' });
}

export async function askText(io: Io, prompt: string): Promise<string> {
  const answer = await io.ask({ kind: 'text', prompt });
  if (answer === null) ended();
  return answer.trim();
}

export async function askSecret(io: Io, prompt: string, label: SecretLabel): Promise<string> {
  const answer = await io.ask({ kind: 'secret', prompt, label });
  if (answer === null) ended();
  // Remembered before anything else sees it: a later line that holds it is never run or kept.
  rememberSecret(answer, label === 'key part value' ? 'key part value' : 'password');
  if (label === 'key part value') rememberSecret(answer.trim(), 'key part value');
  return answer;
}

/**
 * A y/N question. Anything but y or yes is No, as in the real CLI; an answer that is neither yes nor
 * no (nor empty) gets one tkesim line saying so (not with TKESIM_EXPLAIN=0). The answer is never echoed.
 */
export async function confirm(io: Io, question: string, env: NodeJS.ProcessEnv = {}): Promise<boolean> {
  const answer = await io.ask({ kind: 'confirm', prompt: `${question}\nAnswer [y/N]:` });
  if (answer === null) ended();
  const a = answer.trim();
  if (!/^(y(es)?|no?|)$/i.test(a) && env.TKESIM_EXPLAIN !== '0') io.print('tkesim: that answer is neither y nor n, so it is taken as No (as the real CLI does).');
  return /^y(es)?$/i.test(a);
}

/** Asks for a new password twice; refuses an empty password or a mismatch. */
export async function askNewPassword(io: Io, what: 'signature key' | 'key part'): Promise<string> {
  const password = await askSecret(io, `Enter a password to protect the ${what}:`, 'new password');
  if (password.length === 0) fail('A password cannot be empty. Nothing was created.');
  const again = await askSecret(io, 'Re-enter the password to confirm:', 'password confirmation');
  if (again !== password) fail('The passwords do not match. Nothing was created; run the command again.');
  return password;
}

export interface NumberRule {
  /** What the numbers are, for messages: "KEYNUM", "CRYPTO UNIT NUM". */
  readonly noun: string;
  readonly allowed: readonly number[];
  /** How many values may be given (inclusive range). */
  readonly count: readonly [number, number];
}

/** Parses a space-separated list of numbers against a rule; returns an error sentence or the numbers. */
export function parseNumbers(text: string, rule: NumberRule): number[] | string {
  const words = text.split(/[\s,]+/).filter((w) => w !== '');
  const [min, max] = rule.count;
  if (words.length === 0) return `No ${rule.noun} was entered.`;
  const numbers: number[] = [];
  for (const w of words) {
    if (!/^\d{1,6}$/.test(w)) return `${JSON.stringify(w.length > 40 ? `${w.slice(0, 40)}...` : w)} is not a valid ${rule.noun}: enter numbers from the list.`;
    const n = Number(w);
    if (!rule.allowed.includes(n)) return `${n} is not a valid ${rule.noun}: choose from ${rule.allowed.join(', ') || 'an empty list'}.`;
    if (numbers.includes(n)) return `${rule.noun} ${n} was entered twice.`;
    numbers.push(n);
  }
  if (numbers.length < min || numbers.length > max) {
    const want = min === max ? `${min}` : max - min === 1 ? `${min} or ${max}` : `${min} to ${max}`;
    return `${want} ${rule.noun} values must be specified; ${numbers.length} were entered.`;
  }
  return numbers;
}

/** Asks for numbers (or takes them pre-answered from the command line) and validates them. */
export async function askNumbers(io: Io, prompt: string, rule: NumberRule, preset: readonly string[] = []): Promise<number[]> {
  const text = preset.length > 0 ? preset.join(' ') : await askText(io, prompt);
  const parsed = parseNumbers(text, rule);
  if (typeof parsed === 'string') fail(`${parsed} Nothing was changed.`);
  return parsed;
}

/** Asks for one whole number in [min, max]. */
export async function askInteger(io: Io, prompt: string, noun: string, min: number, max: number, preset?: string): Promise<number> {
  const text = preset ?? (await askText(io, prompt));
  if (!/^\d{1,3}$/.test(text) || Number(text) < min || Number(text) > max) {
    fail(`${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text)} is not a valid ${noun}: enter a whole number from ${min} to ${max}. Nothing was changed.`);
  }
  return Number(text);
}
