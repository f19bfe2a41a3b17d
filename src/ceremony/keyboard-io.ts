/**
 * One command's dialog as the ceremony runs it: before each secret the right person takes the
 * keyboard (a hand-over), the secrets of different people are compared by keyed hash only, and the
 * administrators who signed are noted. Never keeps, shows or passes on a secret.
 */
import type { Io, Progress } from '../engine/io.ts';
import type { CeremonyDesk } from './desk.ts';
import { describe, type Participant } from './script-model.ts';
import type { DialogTracker } from './secret-owner.ts';
import type { SecretQuestion } from './training-io.ts';
import type { SecretLedger } from './witness.ts';

export interface KeyboardEvents {
  /** Who holds the keyboard now. */
  holder(): string;
  setHolder(name: string): void;
  /** The keyboard was not passed before someone else's secret. */
  skipped(to: Participant, holder: string): void;
}

/** What one dialog leaves behind for the witness once its command has ended. */
export interface DialogNotes {
  readonly signedBy: readonly string[];
  /** Keyed hashes of the secrets answered, with whose they were (noted in the ledger only if the command succeeds). */
  readonly secrets: readonly { readonly fingerprint: string; readonly person: string; readonly what: string }[];
}

function what(q: SecretQuestion, owner: Participant): string {
  if (/key part|key file/.test(q.prompt) || q.label === 'key part value') return `${owner.name}'s key part${owner.part ? ` (part ${owner.part.number})` : ''}`;
  return `${owner.name}'s signature key`;
}

function why(q: SecretQuestion, owner: Participant): string {
  if (q.label === 'key part value') return `to type the value of ${what(q, owner)}`;
  if (q.label === 'new password') return `to choose the password of ${what(q, owner)}`;
  return `to type the password of ${what(q, owner)}`;
}

export function keyboardIo(inner: Io, desk: CeremonyDesk, tracker: DialogTracker, ledger: SecretLedger, events: KeyboardEvents): { io: Io; notes: () => DialogNotes } {
  let signedBy: readonly string[] = [];
  const secrets: { fingerprint: string; person: string; what: string }[] = [];
  const io: Io = {
    print: (text) => inner.print(text),
    progress: (p: Progress) => {
      if (p.kind === 'signatures') signedBy = p.signed;
      inner.progress?.(p);
    },
    async ask(question) {
      if (question.kind !== 'secret') {
        const answer = await inner.ask(question);
        if (answer !== null) tracker.answered(question, answer);
        return answer;
      }
      const owner = tracker.ownerOf(question);
      if (owner && owner.name !== events.holder()) {
        const handed = await desk.handOver(owner, `${describe(owner)}, ${why(question, owner)}`, 'secret');
        if (handed === null) return null;
        if (handed === 'ready') events.setHolder(owner.name);
        else events.skipped(owner, events.holder());
      }
      const answer = await inner.ask(question);
      if (answer !== null && owner && question.label !== 'password confirmation' && question.label !== 'key part value') {
        secrets.push({ fingerprint: ledger.fingerprint(answer), person: owner.name, what: what(question, owner) });
      }
      return answer;
    },
  };
  return { io, notes: () => ({ signedBy, secrets }) };
}
