/** Answering a dialog from a script: lesson setups, played solutions, tests. */
import type { Io, Question } from '../engine/io.ts';
import { answerText, isTraining, type Answer } from './model.ts';

export interface ScriptEcho {
  /** A line the command printed. */
  print(text: string): void;
  /** A question and the scripted answer to it (secret answers: only what they are, never the value). */
  answered?(question: Question, shown: string): void;
}

/**
 * Answers each question with the next scripted answer; null (cancel) once they run out. `echo`
 * sees prompts and answers; a secret is shown as what it is ("password of Alice's signature key").
 */
export function scriptedIo(answers: readonly Answer[], echo: ScriptEcho | ((text: string) => void) = () => undefined): Io {
  const e: ScriptEcho = typeof echo === 'function' ? { print: echo } : echo;
  let next = 0;
  return {
    print: (text) => e.print(text),
    async ask(question) {
      const answer = answers[next++];
      if (answer === undefined) return null;
      const shown = question.kind === 'secret' ? (isTraining(answer) ? `(${answer.what})` : '(secret)') : answerText(answer);
      e.answered?.(question, shown);
      return answerText(answer);
    },
  };
}
