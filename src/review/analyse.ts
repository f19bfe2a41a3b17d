/**
 * Reviews one recording: walks its journal once, in order, and keeps what a report shows. A lesson
 * attempt begins at the lesson's `start` note (or the header's lesson) and is scored as the lesson
 * scores it: the commands it counts, its refusals and wrong passwords, the hints it noted, the
 * hygiene breaches, against the lesson's reference solution. A recording of the free shell is one
 * attempt with no reference solution (its commands are not counted against one) and dual control
 * expected, as in a real ceremony. Nothing is re-executed.
 */
import { CATALOGUE } from '../commands/help.ts';
import { stripPrefix, words } from '../engine/parse.ts';
import { integritySummary, type CheckedJournal } from '../journal/journal-chain.ts';
import type { JournalCommand, StateView } from '../journal/journal-format.ts';
import type { LessonStartNote } from '../journal/markers.ts';
import { EMPTY_ATTEMPT, addBreach, classify, countCommand, score, type Attempt } from '../journal/scoring.ts';
import { lessonNoteOf, lessonStartOf } from './lesson-notes.ts';
import { RecordedHygiene } from './recorded-hygiene.ts';
import type { AttemptReview, Breach, HintUsed, Mistake, ReviewedStep, SessionReview } from './review-model.ts';
import { mistakeOf } from './step-mistakes.ts';

/** Lines a lesson does not run (it refuses them without counting them): they would replace its world. */
const NOT_IN_A_LESSON = new Set(['sim init', 'sim reset', 'sim resend']);

function commandName(line: string): string | null {
  const w = words(line);
  return w === null ? null : (CATALOGUE.lookup(stripPrefix(w))?.command.name ?? null);
}

interface OpenAttempt {
  readonly lesson: LessonStartNote | null;
  attempt: Attempt;
  lessonScore: number | null;
  /** The lesson noted its end: the command in progress is its last. */
  ending: boolean;
  closed: boolean;
  firstStep: number | null;
  lastStep: number | null;
}

const open = (lesson: LessonStartNote | null): OpenAttempt => ({ lesson, attempt: EMPTY_ATTEMPT, lessonScore: null, ending: false, closed: false, firstStep: null, lastStep: null });

function finish(a: OpenAttempt): AttemptReview {
  const solutionCommands = a.lesson ? a.lesson.solutionCommands : null;
  return {
    lesson: a.lesson, attempt: a.attempt, score: score(a.attempt, solutionCommands ?? a.attempt.commands), solutionCommands,
    lessonScore: a.lessonScore, completed: a.lessonScore !== null || a.ending, firstStep: a.firstStep, lastStep: a.lastStep,
  };
}

export function reviewJournal(file: string, checked: CheckedJournal): SessionReview {
  const { header, entries } = checked.journal;
  const integrityByStep = new Map<number, string[]>();
  for (const p of checked.problems) if (p.step !== null) integrityByStep.set(p.step, [...(integrityByStep.get(p.step) ?? []), p.message]);
  const headerLesson = lessonStartOf(header.lesson);
  const attempts: OpenAttempt[] = [];
  /** The attempt commands count towards now (null: none yet, or the lesson was left). */
  const at: { current: OpenAttempt | null } = { current: null };
  const begin = (lesson: LessonStartNote | null): OpenAttempt => {
    const a = open(lesson);
    attempts.push(a);
    at.current = a;
    hygiene.reset(lesson ? lesson.dualControl : true);
    return a;
  };
  const hygiene = new RecordedHygiene(true);
  if (headerLesson) begin(headerLesson);
  const steps: (Omit<ReviewedStep, 'attempt'> & { readonly owner: OpenAttempt | null })[] = [];
  const mistakes: Mistake[] = [];
  const breaches: Breach[] = [];
  const hints: HintUsed[] = [];
  const views = new Map<number, StateView>([[0, header.start.view]]);
  let before: StateView = header.start.view;
  let lastStep = 0;
  let startedSinceCommand = false;

  const command = (entry: JournalCommand) => {
    const a = at.current ?? begin(null);
    const counted = !a.closed;
    const kind = classify(entry.outcome);
    const mistake = mistakeOf(entry, hygiene.owners);
    if (mistake) mistakes.push(mistake);
    const name = commandName(entry.line);
    if (counted && !(a.lesson && name !== null && NOT_IN_A_LESSON.has(name))) a.attempt = countCommand(a.attempt, name, kind);
    for (const text of hygiene.afterCommand(entry, before)) {
      if (!counted || a.attempt.breaches.includes(text)) continue;
      a.attempt = addBreach(a.attempt, text);
      breaches.push({ step: entry.step, text });
    }
    if (counted) {
      a.firstStep ??= entry.step;
      a.lastStep = entry.step;
    }
    steps.push({
      step: entry.step, line: entry.line, status: entry.outcome.status, at: entry.t, seconds: Math.max(0, entry.end - entry.t),
      integrity: integrityByStep.get(entry.step) ?? [], owner: counted ? a : null,
    });
    if (a.ending) a.closed = true;
    before = entry.view;
    views.set(entry.step, entry.view);
    lastStep = entry.step;
    startedSinceCommand = false;
  };

  for (const entry of entries) {
    switch (entry.type) {
      case 'command':
        command(entry);
        break;
      case 'marker': {
        const note = entry.kind === 'lesson' ? lessonNoteOf(entry.lesson) : null;
        if (!note) break;
        const a = at.current;
        if (note.event === 'start') {
          begin(note);
          startedSinceCommand = true;
        } else if (a === null || a.closed) {
          break;
        } else if (note.event === 'hint') {
          a.attempt = { ...a.attempt, hints: [...a.attempt.hints, note.tier] };
          hints.push({ lessonStep: note.step, tier: note.tier, afterStep: lastStep });
        } else if (note.event === 'solution') {
          a.attempt = { ...a.attempt, solutionPlayed: true };
        } else {
          a.lessonScore = note.points;
          a.ending = true;
        }
        break;
      }
      case 'restart':
        // Another world without a lesson starting: the trainee left the lesson for the sandbox.
        if (!startedSinceCommand && at.current?.lesson) at.current = null;
        before = entry.start.view;
        break;
      case 'rewind':
        before = views.get(entry.to) ?? header.start.view;
        break;
      case 'end':
        break;
    }
  }
  const kept = attempts.filter((a) => a.firstStep !== null || a.lessonScore !== null || a.attempt.hints.length > 0);
  const last = entries.reduce((t, e) => Math.max(t, e.type === 'command' ? e.end : e.t), 0);
  return {
    file, title: header.title, trainee: header.trainee ?? 'unknown', created: header.created, seed: header.seed,
    steps: steps.map(({ owner, ...s }) => ({ ...s, attempt: owner ? kept.indexOf(owner) : null })), mistakes, breaches, hints, attempts: kept.map(finish),
    seconds: last, integrity: integritySummary(checked), tampered: checked.problems.length > 0,
  };
}
