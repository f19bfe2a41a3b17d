/**
 * `tkesim export FILE.journal.jsonl --html OUT.html`: one self-contained page that plays the
 * session in any browser, for a reviewer who has no tkesim. The page holds the recorded frames and
 * views (never a secret: a journal has none), the player, and the report's summary.
 */
import { writeFileSync } from 'node:fs';
import { FRONT_END_HELP } from '../commands/front-end-help.ts';
import { recordedReplay } from '../journal/recorded-replay.ts';
import { reviewJournal } from './analyse.ts';
import { pageData } from './export-data.ts';
import { exportPage } from './export-page.ts';
import { journalsFor, readJournalFile, ReviewInputError } from './journal-files.ts';
import { playerCode } from './page/player-code.ts';
import { COMMANDS_HEADING, sessionBlocks } from './report-blocks.ts';

export const EXPORT_USAGE = FRONT_END_HELP.export ?? 'USAGE: tkesim export FILE.journal.jsonl --html OUT.html';

function parse(argv: readonly string[]): { readonly file: string; readonly out: string } | string {
  let file: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--html') {
      const v = argv[++i];
      if (v === undefined || v === '' || v.startsWith('-')) return '--html needs the page to write, for example --html session.html.';
      out = v;
    } else if (a.startsWith('--html=')) out = a.slice('--html='.length);
    else if (a.startsWith('-')) return `unknown option ${JSON.stringify(a)}.`;
    else if (file === null) file = a;
    else return `one recording at a time (got ${JSON.stringify(file)} and ${JSON.stringify(a)}).`;
  }
  if (file === null) return 'which recording? Give a .journal.jsonl file.';
  if (!out) return 'where to? Give --html OUT.html.';
  return { file, out };
}

/** The page for one journal file (throws ReviewInputError with one sentence). */
export async function exportHtml(arg: string): Promise<string> {
  const journals = journalsFor(arg);
  const file = journals[0];
  if (!file || journals.length > 1) throw new ReviewInputError(`${arg} holds ${journals.length} recordings: export one at a time.`);
  const checked = readJournalFile(file);
  const review = reviewJournal(file, checked);
  // The report's summary: everything before its command table (the page's step list shows the commands).
  const blocks = sessionBlocks(review);
  const commands = blocks.findIndex((b) => b.kind === 'heading' && b.text === COMMANDS_HEADING);
  return exportPage(pageData(recordedReplay(checked), review.trainee), commands < 0 ? blocks : blocks.slice(0, commands), await playerCode());
}

export async function exportCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${EXPORT_USAGE}\n`);
    return 0;
  }
  const args = parse(argv);
  if (typeof args === 'string') {
    process.stderr.write(`tkesim export: ${args}\n${EXPORT_USAGE}\n`);
    return 2;
  }
  let page: string;
  try {
    page = await exportHtml(args.file);
  } catch (e) {
    if (!(e instanceof ReviewInputError)) throw e;
    process.stderr.write(`tkesim export: ${e.message}\n`);
    return 1;
  }
  try {
    writeFileSync(args.out, page);
  } catch (e) {
    process.stderr.write(`tkesim export: ${args.out} could not be written (${(e as NodeJS.ErrnoException).code ?? 'error'}).\n`);
    return 1;
  }
  process.stderr.write(`Written: ${args.out} (open it in any browser; it needs no network)\n`);
  return 0;
}
