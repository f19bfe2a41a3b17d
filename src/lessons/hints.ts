/**
 * Hints in three tiers per step: a nudge, then the command, then the exact answers of the next line
 * of the reference solution that is not done yet. Pure.
 */
import { answerText, isTraining, type LessonState, type ScriptLine, type Step } from './model.ts';
import type { HintTier } from '../journal/scoring.ts';

export const HINT_TITLES: Readonly<Record<HintTier, string>> = { 1: 'a nudge', 2: 'the command', 3: 'the exact answers' };

/** The prefix of a hint's command line and of each answer line, as the trainee would type them. */
export const HINT_COMMAND = '  tkesim> ';
export const HINT_ANSWER = '  > ';

/** The next solution line whose work is not done yet (the last one when all seem done). */
export function nextLine(step: Step, state: LessonState): { line: ScriptLine; rest: readonly ScriptLine[] } | null {
  const todo = step.solution.filter((l) => !l.already?.(state));
  const list = todo.length > 0 ? todo : step.solution.slice(-1);
  const [line, ...rest] = list;
  return line ? { line, rest } : null;
}

export function exactAnswers(line: ScriptLine): string[] {
  const width = Math.max(0, ...line.answers.map((a) => answerText(a).length));
  return [
    `${HINT_COMMAND}${line.line}`,
    ...line.answers.map((a) => (isTraining(a) ? `${HINT_ANSWER}${answerText(a).padEnd(width)}   (${a.what}: a training value)` : `${HINT_ANSWER}${a}`)),
  ];
}

export function hintText(step: Step, stepNumber: number, tier: HintTier, state: LessonState): string {
  const head = `Hint ${tier}/3 for step ${stepNumber}, ${HINT_TITLES[tier]}:`;
  switch (tier) {
    case 1: return `${head}\n  ${step.nudge}`;
    case 2: return `${head}\n  ${step.command}`;
    case 3: {
      const repair = step.repairs?.find((r) => r.when(state));
      if (repair) return [head, `  First, repair: ${repair.why}`, ...exactAnswers(repair.line)].join('\n');
      const next = nextLine(step, state);
      if (!next) return `${head}\n  ${step.command}`;
      const then = next.rest.length ? [`  Then: ${next.rest.map((l) => l.line).join(', ')} (type hint again for their answers).`] : [];
      return [head, ...exactAnswers(next.line), ...then].join('\n');
    }
  }
}

export function nextTier(tier: HintTier | 0): HintTier {
  return tier === 0 ? 1 : tier === 1 ? 2 : 3;
}
