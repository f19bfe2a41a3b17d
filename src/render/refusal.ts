/**
 * A refusal as the CLI reports it (TKE-REFERENCE.md section 8.2): `FAILED`, then the crypto
 * module's error block, exactly as the real CLI prints it. tkesim's own explanation (which crypto
 * unit refused, what to do next) comes after those lines, never instead of them, and is left out
 * when TKESIM_EXPLAIN=0.
 */
import { ep11Message } from '../core/ep11-messages.ts';
import type { Refusal } from '../core/refusal.ts';

export const EP11_ERROR = 'Error reported by EP11 crypto module.';

/** What starts each line tkesim adds to the real CLI's output, so that nobody mistakes it for the real text. */
export const TKESIM_NOTE = 'tkesim: ';

/** Whether tkesim adds its explanations to the real CLI's output (`TKESIM_EXPLAIN=0` turns them off). */
export function explanationsOn(env: NodeJS.ProcessEnv): boolean {
  return env.TKESIM_EXPLAIN !== '0';
}

/**
 * The real CLI's lines: the SDK always prints `Reason code: ` (empty after the colon and space when
 * the module gave none), and `Error message: ` only when it knows a message for the codes.
 */
export function refusalLines(r: Refusal): string[] {
  if (r.returnCode === null) return ['FAILED', r.message];
  const message = ep11Message(r.returnCode, r.reasonCode);
  return [
    'FAILED',
    EP11_ERROR,
    `Return code: ${r.returnCode}`,
    `Reason code: ${r.reasonCode ?? ''}`,
    ...(message === null ? [] : [`Error message: ${message}`]),
  ];
}

/** tkesim's explanation of a refusal: the crypto unit that refused, then what to do next. */
export function refusalExplanation(r: Refusal): string[] {
  const who = r.unit === undefined ? [] : [`${TKESIM_NOTE}crypto unit ${r.unit} refused the command.`];
  return [...who, `${TKESIM_NOTE}${r.advice}`];
}

/** The real lines, then (unless `explain` is false) tkesim's explanation. */
export function renderRefusal(r: Refusal, explain = true): string {
  return [...refusalLines(r), ...(explain ? refusalExplanation(r) : [])].join('\n');
}
