/**
 * Hygiene read from a recording, by the lessons' own rules (journal/hygiene.ts): the views before
 * and after each command give a threshold of 1 under dual control and stored keys made unreadable;
 * the workstation's files give a signer who also holds a key part; the secret slots of the answers
 * stand in for the passwords, so one password protecting two files is found without knowing it.
 */
import type { JournalCommand, StateView } from '../journal/journal-format.ts';
import { PasswordLedger, signerPartBreaches, worldBreaches } from '../journal/hygiene.ts';

export class RecordedHygiene {
  #ledger = new PasswordLedger();
  #dualControl: boolean;
  /** Which file each slot's password protects (files the recording saw created), for every attempt. */
  readonly owners = new Map<number, string>();

  constructor(dualControl: boolean) {
    this.#dualControl = dualControl;
  }

  /** A new attempt: passwords of an earlier attempt's files no longer count against this one. */
  reset(dualControl: boolean): void {
    this.#ledger = new PasswordLedger();
    this.#dualControl = dualControl;
  }

  /** The breaches this command shows (the caller keeps each once per attempt). */
  afterCommand(entry: JournalCommand, before: StateView): string[] {
    const out: string[] = [];
    if (entry.outcome.status === 'ok') {
      // As the lesson does it: a new password protects the file named by the text answered before it.
      let lastText = '';
      for (const a of entry.answers) {
        if (a.kind === 'text' && a.value !== null) lastText = a.value.trim();
        if (a.kind !== 'secret' || a.label !== 'new password' || a.slot === null) continue;
        const owner = a.prompt.includes('signature key') ? `${lastText}'s signature key` : `the key part "${lastText}"`;
        if (!this.owners.has(a.slot)) this.owners.set(a.slot, owner);
        const breach = this.#ledger.record(`slot ${a.slot}`, owner);
        if (breach) out.push(breach);
      }
    }
    out.push(...worldBreaches(before.world, entry.view.world, this.#dualControl));
    out.push(...signerPartBreaches(entry.view.workstation));
    return out;
  }
}
