/**
 * Several recordings at once: one class table (trainee, what, score, mistakes, time) and then a
 * section per trainee holding the report of each of their recordings, in the order given.
 */
import { cell, code, nested, type Block } from './document.ts';
import { sessionBlocks } from './report-blocks.ts';
import { scoresOf, seconds, whatOf, type SessionReview } from './review-model.ts';

export interface ClassRow {
  readonly trainee: string;
  readonly what: string;
  readonly score: string;
  readonly mistakes: number;
  readonly time: string;
  readonly file: string;
}

export function classRows(reviews: readonly SessionReview[]): ClassRow[] {
  return reviews.map((r) => ({
    trainee: r.trainee,
    what: whatOf(r),
    score: scoresOf(r).map(String).join(', ') || '-',
    mistakes: r.mistakes.length + r.breaches.length,
    time: seconds(r.seconds),
    file: r.file,
  }));
}

export function classBlocks(reviews: readonly SessionReview[]): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `Class review: ${reviews.length} recording(s)` },
    {
      kind: 'table', head: ['Trainee', 'What', 'Score', 'Mistakes', 'Time', 'File'],
      rows: classRows(reviews).map((r) => ({ cells: [cell(r.trainee), cell(r.what), cell(r.score), cell(String(r.mistakes)), cell(r.time), cell(code(r.file))] })),
    },
    { kind: 'paragraph', text: cell('Mistakes count the failed steps and the hygiene breaches; the score follows the lessons\' rules.') },
  ];
  const trainees = [...new Set(reviews.map((r) => r.trainee))];
  for (const trainee of trainees) {
    blocks.push({ kind: 'heading', level: 2, text: trainee });
    for (const r of reviews.filter((x) => x.trainee === trainee)) blocks.push(...nested(sessionBlocks(r), 2));
  }
  return blocks;
}
