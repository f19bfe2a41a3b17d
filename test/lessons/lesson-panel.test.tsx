import test from 'ava';
import { render } from 'ink-testing-library';
import { LESSONS } from '../../src/lessons/catalogue/index.ts';
import { buildLessonPanel } from '../../src/lessons/panel-model.ts';
import { EMPTY_ATTEMPT } from '../../src/journal/scoring.ts';
import { LessonPanelView } from '../../src/lessons/lesson-panel.tsx';
import { frameWhere, plain } from '../shell/frames.ts';

const lesson = LESSONS[2];

test('the panel model: heading, goal, steps with their status, the current step\'s what and why, counters', (t) => {
  if (!lesson) return t.fail();
  const m = buildLessonPanel({ lesson, number: 3, completed: 1, attempt: { ...EMPTY_ATTEMPT, commands: 2, refusals: 1, hints: [1] }, solutionCommands: 3, score: null, best: null });
  t.is(m.heading, 'Lesson 3 of 8: Thresholds and leaving imprint mode');
  t.deepEqual(m.steps.map((s) => s.status), ['done', 'current', 'todo']);
  t.is(m.current?.title, 'Choose two administrators to sign');
  t.is(m.progress, 'step 2 of 3');
  t.is(m.counters, 'commands 2 of 3 · refusals 1 · wrong passwords 0 · hints 1');
  t.is(m.result, null);
  const done = buildLessonPanel({ lesson, number: 3, completed: 3, attempt: EMPTY_ATTEMPT, solutionCommands: 3, score: { points: 90, deductions: [] }, best: 95 });
  t.is(done.current, null);
  t.is(done.progress, 'complete');
  t.is(done.result, 'Complete! Score 90/100 (best 95). Type "lesson 4" for the next lesson.');
});

test('the panel renders the lesson, the current step and the lesson words', async (t) => {
  if (!lesson) return t.fail();
  const model = buildLessonPanel({ lesson, number: 3, completed: 1, attempt: EMPTY_ATTEMPT, solutionCommands: 3, score: null, best: null });
  const { lastFrame, unmount } = render(<LessonPanelView model={model} />);
  const frame = plain(await frameWhere(lastFrame, (f) => f.includes('Type:')));
  t.regex(frame, /Lesson 3 of 8: Thresholds and leaving imprint mode {3}✔1 ▶2 ·3 {3}step 2 of 3/);
  t.regex(frame, /Goal: Both operational units secured under dual control/);
  t.regex(frame, /Step 2: Choose two administrators to sign/);
  t.regex(frame, /Do: {2}Select the signature keys of two installed administrators/);
  t.regex(frame, /Why: Leaving imprint mode/);
  t.regex(frame, /Type: hint · goal · explain · solution · reset · lessons · exit lesson/);
  unmount();
});
