/** While a command collects signatures: how many, who has signed, who may still sign. */
import { Text } from 'ink';
import type { Progress } from '../engine/io.ts';
import { useTheme } from './theme.ts';

export type SignatureProgressReport = Extract<Progress, { kind: 'signatures' }>;

/** `Signatures 1 of 2 — signed: Alice — still needed: 1 of Bob, Carol`. */
export function signatureProgressText(p: SignatureProgressReport): string {
  const count = Math.min(p.signed.length, p.needed);
  const missing = Math.max(0, p.needed - p.signed.length);
  const parts = [`Signatures ${count} of ${p.needed}`, `signed: ${p.signed.length ? p.signed.join(', ') : 'none yet'}`];
  if (missing > 0) parts.push(`still needed: ${missing} of ${p.pending.length ? p.pending.join(', ') : 'no other selected key'}`);
  return p.why ? `${parts.join(' — ')}\n${p.why}` : parts.join(' — ');
}

/** Any engine progress report as one line (`work`: rewrapping key storage and the like). */
export function progressText(p: Progress): string {
  switch (p.kind) {
    case 'signatures': return signatureProgressText(p);
    case 'work': return `${p.label}: ${p.done} of ${p.total}`;
  }
}

export function SignatureProgress({ progress }: { readonly progress: SignatureProgressReport }) {
  const theme = useTheme();
  const complete = progress.signed.length >= progress.needed;
  return <Text {...(complete ? theme.tone.ok : theme.tone.normal)}>{signatureProgressText(progress)}</Text>;
}
