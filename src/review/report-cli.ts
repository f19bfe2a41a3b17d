/**
 * `tkesim report FILE... [--html] [--out FILE]`: what recordings show. One recording: its report
 * (commands, mistakes, hygiene, hints, time, score). Several, or a directory: one class table and a
 * section per trainee. Markdown by default; `--html` makes one self-contained page.
 */
import { writeFileSync } from 'node:fs';
import { FRONT_END_HELP } from '../commands/front-end-help.ts';
import { reviewJournal } from './analyse.ts';
import { classBlocks } from './class-table.ts';
import { isDirectory, journalsFor, readJournalFile, ReviewInputError } from './journal-files.ts';
import { toMarkdown } from './render-markdown.ts';
import { htmlPage } from './render-html.ts';
import { sessionBlocks } from './report-blocks.ts';
import type { SessionReview } from './review-model.ts';

export const REPORT_USAGE = FRONT_END_HELP.report ?? 'USAGE: tkesim report FILE... [--html] [--out FILE]';

interface ReportArgs {
  readonly files: readonly string[];
  readonly html: boolean;
  readonly out: string | null;
}

function parse(argv: readonly string[]): ReportArgs | string {
  const files: string[] = [];
  let html = false;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--html') html = true;
    else if (a === '--out' || a === '-o') {
      const v = argv[++i];
      if (v === undefined || v === '' || v.startsWith('-')) return `${a} needs a file name.`;
      out = v;
    } else if (a.startsWith('--out=')) out = a.slice('--out='.length) || null;
    else if (a.startsWith('-')) return `unknown option ${JSON.stringify(a)}.`;
    else files.push(a);
  }
  if (files.length === 0) return 'which recordings? Give one or more .journal.jsonl files, or a directory.';
  return { files, html, out };
}

/** The reviews of the recordings FILE... stands for; throws ReviewInputError with one sentence. */
export function reviewFiles(args: readonly string[]): { readonly reviews: SessionReview[]; readonly several: boolean } {
  const journals = args.flatMap((a) => journalsFor(a));
  const reviews = journals.map((file) => reviewJournal(file, readJournalFile(file)));
  return { reviews, several: journals.length > 1 || args.some(isDirectory) };
}

export function renderReport(reviews: readonly SessionReview[], several: boolean, html: boolean): string {
  const first = reviews[0];
  const blocks = several || !first ? classBlocks(reviews) : sessionBlocks(first);
  const title = several || !first ? `Class review: ${reviews.length} recording(s)` : `Review: ${first.title} (${first.trainee})`;
  return html ? htmlPage(title, blocks) : toMarkdown(blocks);
}

export async function reportCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${REPORT_USAGE}\n`);
    return 0;
  }
  const args = parse(argv);
  if (typeof args === 'string') {
    process.stderr.write(`tkesim report: ${args}\n${REPORT_USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    const { reviews, several } = reviewFiles(args.files);
    text = renderReport(reviews, several, args.html);
  } catch (e) {
    if (!(e instanceof ReviewInputError)) throw e;
    process.stderr.write(`tkesim report: ${e.message}\n`);
    return 1;
  }
  if (args.out === null) {
    process.stdout.write(text);
    return 0;
  }
  try {
    writeFileSync(args.out, text);
  } catch (e) {
    process.stderr.write(`tkesim report: ${args.out} could not be written (${(e as NodeJS.ErrnoException).code ?? 'error'}).\n`);
    return 1;
  }
  process.stderr.write(`Written: ${args.out}\n`);
  return 0;
}
