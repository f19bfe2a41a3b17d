/**
 * The dialog side of re-executing one journaled command: answers come from the journal (secrets
 * from the supply), and everything is kept as transcript items, laid out as the shell's log is.
 */
import type { Io } from '../engine/io.ts';
import { toneOf } from '../shell/controller.ts';
import type { JournalCommand, TranscriptItem } from '../journal/journal-format.ts';
import type { SecretSupply } from './secret-supply.ts';

export type { TranscriptItem } from '../journal/journal-format.ts';

export interface ReplayDialog {
  readonly io: Io;
  readonly items: TranscriptItem[];
  /** Questions the recording did not answer, or answered as a different kind. */
  readonly mismatches: string[];
}

export const PROMPT = 'tkesim> ';

export function replayDialog(entry: JournalCommand, secrets: SecretSupply): ReplayDialog {
  const items: TranscriptItem[] = [{ text: `${PROMPT}${entry.line}`, tone: 'muted', time: entry.t }];
  const mismatches: string[] = [];
  let now = entry.t;
  let next = 0;
  const io: Io = {
    print: (text) => void items.push({ text, tone: toneOf(text), time: now }),
    async ask(question) {
      items.push({ text: question.prompt, tone: 'normal', time: now });
      const answer = entry.answers[next++];
      if (!answer || answer.kind !== question.kind) {
        mismatches.push(`"${question.prompt.split('\n')[0] ?? ''}" was ${answer ? `answered as a ${answer.kind} question` : 'not answered'} in the recording`);
        return null;
      }
      now = Math.max(now, answer.t);
      const value = answer.kind === 'secret' ? secrets.valueFor(answer) : answer.value;
      if (value !== null) items.push({ text: question.kind === 'secret' ? '> ' : `> ${value}`, tone: 'muted', time: now });
      return value;
    },
  };
  return { io, items, mismatches };
}
