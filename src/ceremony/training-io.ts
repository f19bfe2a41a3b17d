/**
 * Answering a scripted line with training values: the script's answers for plain questions, and
 * for a secret the training value of the person it belongs to. Used to build a start state and by
 * --check; the values are never printed (a secret shows as what it is).
 */
import type { Io, Question } from '../engine/io.ts';
import type { Participant } from './script-model.ts';
import { trainingSecret } from './secret-owner.ts';

export type SecretQuestion = Extract<Question, { kind: 'secret' }>;

export function trainingIo(answers: readonly string[], ownerOf: (q: SecretQuestion) => Participant | null, print: (text: string) => void): Io {
  let next = 0;
  return {
    print,
    async ask(question) {
      if (question.kind === 'secret') {
        const owner = ownerOf(question);
        const value = trainingSecret(question, owner);
        print(`${question.prompt}\n> (${owner ? `${owner.name}'s training ${question.label === 'key part value' ? 'key part value' : 'password'}` : 'no training value'})`);
        return value;
      }
      const answer = answers[next++] ?? null;
      print(`${question.prompt}\n> ${answer ?? '(no answer in the script)'}`);
      return answer;
    },
  };
}
