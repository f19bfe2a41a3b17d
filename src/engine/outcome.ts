/** How a command ended. Exit status: 0 ok, 1 failed or cancelled, 2 usage. */
import type { Refusal } from '../core/refusal.ts';

export type Outcome =
  | { readonly status: 'ok' }
  | { readonly status: 'failed'; readonly message: string; readonly refusal?: Refusal }
  | { readonly status: 'usage'; readonly message: string }
  | { readonly status: 'cancelled'; readonly message: string };

export const OK: Outcome = { status: 'ok' };

export function failed(message: string, refusal?: Refusal): Outcome {
  return refusal ? { status: 'failed', message, refusal } : { status: 'failed', message };
}

export function usage(message: string): Outcome {
  return { status: 'usage', message };
}

export function exitCode(o: Outcome): number {
  switch (o.status) {
    case 'ok': return 0;
    case 'failed':
    case 'cancelled':
      return 1;
    case 'usage': return 2;
  }
}

/**
 * Thrown inside a dialog to end it early with an outcome (a bad answer, a wrong password, end of
 * input). The engine catches it once and turns it back into the outcome; the world is untouched.
 */
export class DialogEnd extends Error {
  constructor(readonly outcome: Outcome) {
    super(outcome.status === 'ok' ? 'ok' : outcome.message);
  }
}

export function fail(message: string, refusal?: Refusal): never {
  throw new DialogEnd(failed(message, refusal));
}
