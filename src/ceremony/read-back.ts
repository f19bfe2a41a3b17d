/**
 * Reading verification patterns back: each one the step asks for is shown as hex and as PGP words,
 * the witness confirms it matches what was read aloud, and the record keeps both forms.
 */
import { leads, type Step } from './script-model.ts';
import type { CeremonySession } from './session.ts';
import { pgpWordsOfHex } from './pgp-words.ts';
import { readBackValues } from './state-words.ts';

export async function readBackStep(session: CeremonySession, step: Step): Promise<void> {
  const facts = session.facts;
  if (!facts) return;
  const witness = leads(session.script).witness;
  for (const target of step.readBack) {
    const values = readBackValues(target, facts, session.script);
    if (values.length === 0) {
      session.raise('state differs', `step ${step.number} asks to read back key part ${target.kind === 'key part' ? target.part : ''}, but no such key part file is on the workstation`);
    }
    for (const v of values) {
      const words = pgpWordsOfHex(v.vp);
      const confirmed = await session.desk.readBack({ step: step.number, label: v.label, vp: v.vp, words }, witness);
      session.noteReadBack({ label: v.label, vp: v.vp, words, confirmed: confirmed === true, by: witness, at: session.clock() }, step.number - 1);
      if (confirmed !== true) session.raise('read-back not confirmed', `witness ${witness} did not confirm the read-back of the ${v.label}`, step.number);
    }
  }
}
