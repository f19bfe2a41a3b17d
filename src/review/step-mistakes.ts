/**
 * What went wrong at one recorded command, in one sentence: a refusal with its return and reason
 * codes, a wrong password (a secret answer, then a FAILED about that password), a usage error, any
 * other failure. Refusals recorded before journals kept them as data are read from the message.
 */
import type { JournalCommand, JournalOutcome } from '../journal/journal-format.ts';
import { classify } from '../journal/scoring.ts';
import type { Mistake } from './review-model.ts';

const NOTE = 'tkesim: ';

/** The message's lines without the FAILED line and without tkesim's notes. */
function cliLines(message: string): string[] {
  return message.split('\n').map((l) => l.trim()).filter((l) => l !== '' && l !== 'FAILED' && !l.startsWith(NOTE));
}

function firstSentence(message: string | undefined, fallback: string): string {
  return cliLines(message ?? '')[0] ?? fallback;
}

interface RefusalFacts {
  readonly returnCode: number | null;
  readonly reasonCode: number | null;
  readonly message: string;
  readonly sentence: string;
}

function refusalFacts(o: JournalOutcome): RefusalFacts {
  const text = o.message ?? '';
  const advice = text.split('\n').filter((l) => l.startsWith(NOTE) && !/refused the command\.?$/.test(l)).map((l) => l.slice(NOTE.length).trim());
  if (o.refusal) {
    return { returnCode: o.refusal.returnCode, reasonCode: o.refusal.reasonCode, message: o.refusal.message, sentence: o.refusal.advice || advice[0] || o.refusal.message };
  }
  const rc = /Return code: (\d+)/.exec(text);
  const reason = /Reason code: (\d+)/.exec(text);
  const module = /Error message: (.+)/.exec(text)?.[1];
  const lines = cliLines(text).filter((l) => !/^(Error reported by EP11|Return code:|Reason code:|Error message:)/.test(l));
  const message = module ?? lines[0] ?? 'The command was refused.';
  return { returnCode: rc ? Number(rc[1]) : null, reasonCode: reason ? Number(reason[1]) : null, message, sentence: advice[0] ?? lines[1] ?? message };
}

/** Which file each secret slot protects, as far as the recording shows (files it created). */
export type SlotOwners = ReadonlyMap<number, string>;

function wrongPasswordSentence(entry: JournalCommand, owners: SlotOwners): string {
  const said = firstSentence(entry.outcome.message, 'A password was not valid.');
  const secrets = entry.answers.filter((a) => a.kind === 'secret' && a.slot !== null && a.slot !== 0);
  const last = secrets[secrets.length - 1];
  const slot = last?.kind === 'secret' ? last.slot : null;
  const owner = slot === null ? undefined : owners.get(slot);
  if (owner) return `${said} The password typed is the one that protects ${owner}.`;
  return said;
}

export function mistakeOf(entry: JournalCommand, owners: SlotOwners): Mistake | null {
  const { step, line, outcome } = entry;
  switch (outcome.status) {
    case 'ok':
    case 'cancelled':
      return null;
    case 'usage':
      return { kind: 'usage', step, line, sentence: `Incorrect usage: ${firstSentence(outcome.message, 'the command line was not valid.')}` };
    case 'error':
      return { kind: 'error', step, line, sentence: `tkesim failed inside the command (a bug): ${firstSentence(outcome.message, 'no message')}` };
    case 'failed':
      break;
  }
  const kind = classify(outcome);
  // A journal written before refusals were kept as data: the message still says a unit refused.
  const legacy = kind === 'failed' && /refused the command|^Return code: \d+/m.test(outcome.message ?? '');
  if (kind === 'refusal' || legacy) return { kind: 'refusal', step, line, ...refusalFacts(outcome) };
  if (kind === 'wrong-password') return { kind: 'wrong-password', step, line, sentence: wrongPasswordSentence(entry, owners) };
  return { kind: 'failed', step, line, sentence: firstSentence(outcome.message, 'The command failed.') };
}
