/**
 * The dialog protocol. A command is a small program that prints and asks; each front-end (one-shot
 * terminal, standard input, the Ink shell, a test, a demo, a replay) answers in its own way.
 */

/** What a secret answer is: front-ends never echo, store, record or log these. */
export type SecretLabel = 'password' | 'new password' | 'password confirmation' | 'key part value';

export type Question =
  /** Free text (KEYNUMs, names, thresholds). `prompt` is printed, then the `> ` input marker. */
  | { readonly kind: 'text'; readonly prompt: string }
  /** A secret: read without echo. */
  | { readonly kind: 'secret'; readonly prompt: string; readonly label: SecretLabel }
  /** A y/N confirmation: anything but y or yes means no. */
  | { readonly kind: 'confirm'; readonly prompt: string };

export type Progress =
  /** While a signed command collects signatures: who has signed and who is still needed. */
  | {
      readonly kind: 'signatures'; readonly needed: number; readonly signed: readonly string[]; readonly pending: readonly string[];
      /** Why this many (signatureNeedSentence), when the command is known. */
      readonly why?: string;
    }
  /** Long-running work (rewrapping key storage). */
  | { readonly kind: 'work'; readonly label: string; readonly done: number; readonly total: number };

export interface Io {
  /** Prints one or more lines (a trailing newline is added). */
  print(text: string): void;
  /** Asks one question; null means the input ended or the user cancelled. */
  ask(question: Question): Promise<string | null>;
  /** Optional progress reports for front-ends that show them. */
  progress?(p: Progress): void;
}

/** The marker the CLI prints before every answer. */
export const INPUT_MARKER = '> ';
