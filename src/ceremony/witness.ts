/**
 * The witness's side: exceptions and their resolutions, what a command's outcome counts as, and the
 * separation-of-duties checks (roles in the script, thresholds of 1, one password for two people).
 * Passwords are compared by an HMAC under a key that lives only in memory; none is ever kept.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { World } from '../core/types.ts';
import type { Outcome } from '../engine/outcome.ts';
import { hasRole, type CeremonyScript } from './script-model.ts';

export type ExceptionKind =
  | 'refusal' | 'wrong password' | 'command failed' | 'unscripted command' | 'step skipped' | 'state differs'
  | 'separation of duties' | 'hand-over skipped' | 'read-back not confirmed' | 'witness';

export type Decision = 'continue' | 'retry' | 'abort';

export interface Resolution {
  readonly decision: Decision;
  readonly by: string;
  readonly at: Date;
  readonly reason: string | null;
}

export interface CeremonyException {
  readonly number: number;
  /** The step it happened in (0: before the first step). */
  readonly step: number;
  readonly at: Date;
  /** Who was at the keyboard (or whom it concerns). */
  readonly actor: string;
  readonly kind: ExceptionKind;
  readonly text: string;
  readonly resolution: Resolution | null;
}

const WRONG_PASSWORD = /\bpassword for .* is not valid\b/;
const PRE_CHECK = /pre-check failed/i;

/** The exception a command's outcome is, or null when it succeeded. */
export function outcomeException(o: Outcome, line: string): { readonly kind: ExceptionKind; readonly text: string } | null {
  const first = (m: string) => m.replace(/^FAILED\n/, '').split('\n').slice(0, 5).join(' ').trim();
  switch (o.status) {
    case 'ok':
      return null;
    case 'usage':
      return { kind: 'command failed', text: `"${line}" was not accepted: ${first(o.message)}` };
    case 'cancelled':
      return { kind: 'command failed', text: `"${line}" was cancelled: ${first(o.message)}` };
    case 'failed': {
      if (o.refusal) {
        const r = o.refusal;
        const codes = r.returnCode === null ? '' : ` (return code ${r.returnCode}${r.reasonCode === null ? '' : `, reason ${r.reasonCode}`})`;
        return { kind: 'refusal', text: `"${line}" was refused${r.unit === undefined ? '' : ` by crypto unit ${r.unit}`}${codes}: ${r.message}` };
      }
      if (PRE_CHECK.test(o.message)) return { kind: 'refusal', text: `"${line}" was refused: ${first(o.message)}` };
      if (WRONG_PASSWORD.test(o.message)) return { kind: 'wrong password', text: `"${line}": ${first(o.message)}` };
      return { kind: 'command failed', text: `"${line}" failed: ${first(o.message)}` };
    }
  }
}

/** Separation-of-duties breaches in the script's roles, found before the first step. */
export function roleBreaches(script: CeremonyScript): string[] {
  const out: string[] = [];
  for (const p of script.participants) {
    if (hasRole(p, 'administrator') && hasRole(p, 'key part custodian')) out.push(`${p.name} is both an administrator (a signer) and the custodian of key part ${p.part?.number ?? '?'}`);
    if (hasRole(p, 'internal witness') && p.roles.length > 1) out.push(`${p.name} is the internal witness and also ${p.roles.filter((r) => r !== 'internal witness').join(' and ')}`);
  }
  return out;
}

/** Units that went to a threshold of 1 with this command (numbered as in `after`). */
export function singleControl(before: World, after: World): number[] {
  const old = new Map(before.units.map((u) => [u.id, u]));
  const one = (u: { signatureThreshold: number; revocationThreshold: number }) => u.signatureThreshold === 1 || u.revocationThreshold === 1;
  return after.units.flatMap((u, i) => {
    const was = old.get(u.id);
    return was && one(u) && !one(was) ? [i + 1] : [];
  });
}

/** Which person each secret belongs to, as keyed hashes only, for one ceremony. */
export class SecretLedger {
  readonly #key = randomBytes(32);
  readonly #owners = new Map<string, { readonly person: string; readonly what: string }>();

  fingerprint(secret: string): string {
    return createHmac('sha256', this.#key).update(secret, 'utf8').digest('hex');
  }

  /** Notes that `person` answered with this secret; returns a breach when another person's secret is the same. */
  note(fingerprint: string, person: string, what: string): string | null {
    const other = this.#owners.get(fingerprint);
    if (!other) {
      this.#owners.set(fingerprint, { person, what });
      return null;
    }
    return other.person === person ? null : `the same password protects ${other.what} and ${what}: one person may be answering for two roles`;
  }
}
