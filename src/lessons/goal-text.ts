/** `goal`: the lesson's target, and the current step's checks as they stand, in the panel's terms. Pure. */
import type { Lesson, LessonState } from './model.ts';

export function goalText(lesson: Lesson, number: number, completed: number, state: LessonState | null): string {
  const lines = [`Goal of lesson ${number}: ${lesson.goal}`];
  const step = lesson.steps[completed];
  if (!step || !state) return [...lines, `All ${lesson.steps.length} steps are done.`].join('\n');
  lines.push(`Step ${completed + 1} of ${lesson.steps.length}: ${step.title}. Done when the panel shows:`);
  for (const c of step.goal(state)) lines.push(`  ${c.ok ? '✔' : '✘'} ${c.label}`);
  return lines.join('\n');
}
