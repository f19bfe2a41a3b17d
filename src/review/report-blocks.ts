/**
 * What a report says about one recording, as document blocks: the summary, the score with what to
 * improve, the mistakes with their step and sentence, the hygiene breaches, the hints, and every
 * command with its outcome and time.
 */
import { HINT_COST } from '../journal/scoring.ts';
import { cell, code, plain, strong, type Block, type Cell } from './document.ts';
import { MISTAKE_LABEL, seconds, whatOf, type AttemptReview, type Mistake, type SessionReview } from './review-model.ts';

export const COMMANDS_HEADING = 'Commands';

const TIERS = { 1: 'a nudge', 2: 'the command', 3: 'the exact answers' } as const;

function codes(m: Extract<Mistake, { kind: 'refusal' }>): string {
  if (m.returnCode === null) return 'no EP11 code';
  return `return code ${m.returnCode}, reason code ${m.reasonCode ?? 'none'}`;
}

export function mistakeCells(m: Mistake): Cell[] {
  switch (m.kind) {
    case 'refusal':
      return [cell(String(m.step)), cell(code(m.line)), cell(`${MISTAKE_LABEL.refusal} (${codes(m)})`), cell(`${m.message} `, strong(m.sentence))];
    case 'wrong-password':
    case 'failed':
    case 'usage':
    case 'error':
      return [cell(String(m.step)), cell(code(m.line)), cell(MISTAKE_LABEL[m.kind]), cell(m.sentence)];
  }
}

function attemptName(a: AttemptReview): string {
  return a.lesson ? `lesson ${a.lesson.number} (${a.lesson.title})` : 'the session';
}

function scoreBlocks(r: SessionReview): Block[] {
  if (r.attempts.length === 0) return [{ kind: 'paragraph', text: cell('No command was recorded: nothing to score.') }];
  return r.attempts.flatMap((a): Block[] => {
    const range = a.firstStep === null ? 'no command' : a.firstStep === a.lastStep ? `step ${a.firstStep}` : `steps ${a.firstStep} to ${a.lastStep}`;
    const basis = a.solutionCommands === null
      ? 'no reference solution, so commands are not counted against one; dual control expected'
      : `the reference solution uses ${a.solutionCommands} command(s)${a.lesson?.dualControl ? '; dual control expected' : ''}`;
    const lesson = a.lessonScore !== null && a.lessonScore !== a.score.points ? ` (the lesson gave ${a.lessonScore})` : '';
    const state = a.lesson ? (a.completed ? 'completed' : 'not completed while recorded') : '';
    const head: Block = { kind: 'paragraph', text: cell(strong(`Score ${a.score.points}/100`), ` for ${attemptName(a)}${lesson}, ${range}${state ? `, ${state}` : ''}; ${basis}.`) };
    if (a.score.deductions.length === 0) return [head, { kind: 'paragraph', text: cell('A clean run: no deduction.') }];
    return [head, { kind: 'list', items: a.score.deductions.map((d) => cell(strong(`-${d.points}`), ` ${d.what}. ${d.tip}`)) }];
  });
}

export function summaryRows(r: SessionReview): [string, string][] {
  const failed = r.steps.filter((s) => s.status !== 'ok' && s.status !== 'cancelled').length;
  return [
    ['Trainee', r.trainee],
    ['What', whatOf(r)],
    ['Recorded', r.created],
    ['Commands', `${r.steps.length} (${failed} failed)`],
    ['Mistakes', `${r.mistakes.length} failed step(s), ${r.breaches.length} hygiene breach(es), ${r.hints.length} hint(s)`],
    ['Time', seconds(r.seconds)],
    ['Score', r.attempts.length ? r.attempts.map((a) => `${a.score.points}/100`).join(', ') : 'none'],
  ];
}

export function sessionBlocks(r: SessionReview): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `Review: ${r.title} (${r.trainee})` },
    { kind: 'table', head: ['Recording', ''], rows: summaryRows(r).map(([k, v]) => ({ cells: [cell(strong(k)), cell(v)] })) },
  ];
  if (r.integrity.length) blocks.push({ kind: 'paragraph', text: cell(strong('Integrity: '), r.integrity.join(' ')) });
  blocks.push({ kind: 'heading', level: 2, text: 'Score' }, ...scoreBlocks(r));
  blocks.push({ kind: 'heading', level: 2, text: 'Mistakes' });
  blocks.push(r.mistakes.length
    ? { kind: 'table', head: ['Step', 'Command', 'What', 'Why, and what to do next'], rows: r.mistakes.map((m) => ({ cells: mistakeCells(m), mark: 'mistake' as const })) }
    : { kind: 'paragraph', text: cell('No command failed.') });
  blocks.push({ kind: 'heading', level: 2, text: 'Hygiene' });
  blocks.push(r.breaches.length
    ? { kind: 'list', items: r.breaches.map((b) => cell(strong(`step ${b.step}:`), ` ${b.text}.`)) }
    : { kind: 'paragraph', text: cell('No hygiene breach: no shared password, no threshold of 1 under dual control, no stored key made unreadable, no signer holding a key part.') });
  if (r.hints.length) {
    blocks.push({ kind: 'heading', level: 2, text: 'Hints used' });
    blocks.push({ kind: 'list', items: r.hints.map((h) => cell(`hint ${h.tier}/3 (${TIERS[h.tier]}, -${HINT_COST[h.tier]}) for lesson step ${h.lessonStep}, ${h.afterStep === 0 ? 'before the first command' : `after command ${h.afterStep}`}`)) });
  }
  blocks.push({ kind: 'heading', level: 2, text: COMMANDS_HEADING });
  blocks.push(r.steps.length
    ? {
        kind: 'table', head: ['Step', 'At', 'Command', 'Outcome', 'Time'],
        rows: r.steps.map((s) => ({
          cells: [cell(String(s.step)), cell(seconds(s.at)), cell(code(s.line)), cell(s.status, ...(s.integrity.length ? [plain(` (integrity: ${s.integrity.join('; ')})`)] : [])), cell(seconds(s.seconds))],
          mark: (s.status === 'ok' || s.status === 'cancelled') && s.integrity.length === 0 ? 'normal' as const : 'mistake' as const,
        })),
      }
    : { kind: 'paragraph', text: cell('No command was recorded.') });
  return blocks;
}
