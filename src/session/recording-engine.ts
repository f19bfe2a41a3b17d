/**
 * The engine as a recorder sees it: every line run is journaled with its answers (secrets as slot
 * placeholders), its outcome and the digest of the state it left. Wraps any shell engine.
 */
import type { Io, Question } from '../engine/io.ts';
import type { Outcome } from '../engine/outcome.ts';
import { stripPrefix, words } from '../engine/parse.ts';
import type { ShellEngine } from '../shell/controller.ts';
import type { JournalAnswer, JournalCommand, JournalOutcome } from './journal-format.ts';
import { newRecordingSeed, seedIfUnseeded } from './journal-start.ts';
import { digestOf } from './world-digest.ts';

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
  commandEnded(entry: JournalCommand): void;
}

export function journalOutcome(o: Outcome | null, error?: unknown): JournalOutcome {
  if (error !== undefined) return { status: 'error', message: error instanceof Error ? error.message : String(error) };
  if (!o) return { status: 'cancelled' };
  return o.status === 'ok' ? { status: 'ok' } : { status: o.status, message: o.message };
}

/**
 * `sim init` without a seed would provision from the operating system's randomness, which no
 * replay can reproduce: while recording, it is given a seed (the line journaled says which).
 */
export function seededLine(line: string): string {
  const w = words(line);
  if (w === null) return line;
  const args = stripPrefix(w);
  const seeded = args.some((a) => a === '--seed' || a.startsWith('--seed='));
  return args[0] === 'sim' && args[1] === 'init' && !seeded ? `${line.trim()} --seed ${newRecordingSeed()}` : line;
}

export function recordingEngine(journal: CommandJournal, inner: ShellEngine): ShellEngine {
  return {
    ...inner,
    async run(typed: string, io: Io): Promise<Outcome> {
      const line = seededLine(typed);
      await journal.follow(inner);
      const t = journal.now();
      const step = journal.commandStarted(line);
      const answers: JournalAnswer[] = [];
      const tapped: Io = {
        print: (text) => io.print(text),
        progress: io.progress ? (p) => io.progress?.(p) : undefined,
        async ask(question) {
          const value = await io.ask(question);
          const at = journal.now();
          answers.push(question.kind === 'secret' ? journal.secretAnswer(question, value, at) : { kind: question.kind, prompt: question.prompt, value, t: at });
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
        const reseed = inner.paths ? await seedIfUnseeded(inner.paths).catch(() => null) : null;
        const digest = await digestOf(inner).catch(() => 'unavailable');
        journal.commandEnded({
          type: 'command', step, line, t, end: journal.now(), answers, outcome: journalOutcome(outcome, error), digest,
          ...(reseed ? { reseed } : {}),
        });
      }
    },
  };
}
