/** A refusal as the CLI reports it: `FAILED`, the crypto module's error block, and what to do next. */
import type { Refusal } from '../core/refusal.ts';

export const EP11_ERROR = 'Error reported by EP11 crypto module.';

export function renderRefusal(r: Refusal): string {
  const lines = ['FAILED'];
  if (r.returnCode === null) {
    lines.push(r.message);
  } else {
    lines.push(EP11_ERROR, `Return code: ${r.returnCode}`);
    if (r.reasonCode !== null) lines.push(`Reason code: ${r.reasonCode}`);
    lines.push(`Error message: ${r.message}`);
  }
  if (r.unit !== undefined) lines.push(`Crypto unit: ${r.unit}`);
  lines.push(r.advice);
  return lines.join('\n');
}
