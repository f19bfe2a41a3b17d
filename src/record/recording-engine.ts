/**
 * The engine as a recorder sees it: every line run is journaled with its answers (secrets as slot
 * placeholders), its outcome and the digest of the state it left. Wraps any shell engine.
 */
import type { Io, Question } from '../engine/io.ts';
import type { Outcome } from '../engine/outcome.ts';
import { toneOf, type ShellEngine } from '../shell/controller.ts';
import { journalOutcome, type JournalAnswer, type JournalBody, type TranscriptItem } from '../journal/journal-format.ts';
import { stateView, viewDigest } from '../journal/state-view.ts';

/** What the wrapper needs from the recorder. */
export interface CommandJournal {
  /** Seconds since the recording started. */
  now(): number;
  /** Before a command: the journal notes it if the shell now runs on another world. */
  follow(engine: ShellEngine): Promise<void>;
  /** A command begins: its step number (the recorder puts a marker in the .cast). */
  commandStarted(line: string): number;
  /** The placeholder for a secret answer (never the value). */
  secretAnswer(question: Extract<Question, { kind: 'secret' }>, value: string | null, t: number): JournalAnswer;
  commandEnded(entry: Extract<JournalBody, { type: 'command' }>): void;
}

export function recordingEngine(journal: CommandJournal, inner: ShellEngine): ShellEngine {
  return {
    ...inner,
    async run(line: string, io: Io): Promise<Outcome> {
      await journal.follow(inner);
      const t = journal.now();
      const step = journal.commandStarted(line);
      const answers: JournalAnswer[] = [];
      // What the screen shows, as the shell lays it out (a secret answer is only `> `).
      const output: TranscriptItem[] = [{ text: `tkesim> ${line}`, tone: 'muted', time: t }];
      const tapped: Io = {
        print: (text) => {
          output.push({ text, tone: toneOf(text), time: journal.now() });
          io.print(text);
        },
        progress: io.progress ? (p) => io.progress?.(p) : undefined,
        async ask(question) {
          output.push({ text: question.prompt, tone: 'normal', time: journal.now() });
          const value = await io.ask(question);
          const at = journal.now();
          answers.push(question.kind === 'secret' ? journal.secretAnswer(question, value, at) : { kind: question.kind, prompt: question.prompt, value, t: at });
          if (value !== null) output.push({ text: question.kind === 'secret' ? '> ' : `> ${value}`, tone: 'muted', time: at });
          return value;
        },
      };
      let outcome: Outcome | null = null;
      let error: unknown;
      try {
        outcome = await inner.run(line, tapped);
        return outcome;
      } catch (e) {
        error = e;
        throw e;
      } finally {
        if (error !== undefined) output.push({ text: `FAILED\nInternal error: ${error instanceof Error ? error.message : String(error)}`, tone: 'error', time: journal.now() });
        const view = await stateView(inner);
        journal.commandEnded({
          type: 'command', step, line, t, end: journal.now(), answers, outcome: journalOutcome(outcome, error), output, view, digest: viewDigest(view),
        });
      }
    },
  };
}
