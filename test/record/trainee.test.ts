import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJournal } from '../../src/journal/journal-chain.ts';
import { recordWords, takeRecordOptions } from '../../src/record/record-options.ts';
import { installRecording } from '../../src/record/shell-recording.ts';
import { run, workspace } from '../helpers/session.ts';
import { ensureBuilt, newHome } from '../helpers/cli.ts';
import { startShell } from '../helpers/pty.ts';

test('recording options: --input and --trainee, before the arguments or anywhere in record start', (t) => {
  t.deepEqual(takeRecordOptions(['--trainee', 'Ann Lee', '--input', 'learn', '4']), { options: { input: true, trainee: 'Ann Lee' }, rest: ['learn', '4'] });
  t.deepEqual(takeRecordOptions(['--trainee=Bo', 'demo']), { options: { input: false, trainee: 'Bo' }, rest: ['demo'] });
  t.deepEqual(takeRecordOptions(['cryptounits']), { options: { input: false, trainee: undefined }, rest: ['cryptounits'] });
  t.regex(String(takeRecordOptions(['--trainee'])), /--trainee needs the name/);
  t.regex(String(takeRecordOptions(['--trainee', '--input'])), /--trainee needs the name/);
  t.regex(String(takeRecordOptions(['--trainee', 'a\u001b[2Jb'])), /printable/);
  t.deepEqual(recordWords(['s1', '--trainee', 'Ann Lee', '--input']), { options: { input: true, trainee: 'Ann Lee' }, others: ['s1'] });
  t.regex(String(recordWords(['s1', '--bogus'])), /Unknown option "--bogus"/);
});

test.serial('record start NAME --trainee "Ann Lee" names the trainee in the journal; without it, the login name', async (t) => {
  const w = await workspace('trainee');
  await installRecording(w.controller, w.env);
  const named = join(w.dir, 'named');
  await w.controller.submit(`record start ${named} --trainee "Ann Lee"`);
  await run(w.controller, 'cryptounits');
  await w.controller.submit('record stop');
  t.is(readJournal(readFileSync(`${named}.journal.jsonl`, 'utf8')).journal.header.trainee, 'Ann Lee');
  const plain = join(w.dir, 'plain');
  await w.controller.submit(`record start ${plain}`);
  await run(w.controller, 'cryptounits');
  await w.controller.submit('record stop');
  const trainee = readJournal(readFileSync(`${plain}.journal.jsonl`, 'utf8')).journal.header.trainee;
  t.is(trainee, w.env.USER ?? w.env.LOGNAME ?? trainee);
  t.truthy(trainee);
});

test('tkesim --record NAME --trainee "Ann Lee": the journal names the trainee; a bad option is one sentence', async (t) => {
  await ensureBuilt();
  const home = newHome();
  const base = join(home.dir, 'ann');
  const s = startShell(home, ['--record', base, '--trainee', 'Ann Lee'], 100, 30);
  try {
    await s.waitFor(/tkesim>\s*$/m);
    const m = s.mark();
    await s.typeLine('cryptounits');
    const listed = await s.waitFor(/CRYPTO UNIT NUM/, m);
    await s.waitFor(/tkesim>\s*$/m, listed);
    await s.typeLine('exit');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
  const header = readJournal(readFileSync(`${base}.journal.jsonl`, 'utf8')).journal.header;
  t.is(header.trainee, 'Ann Lee');
  const bad = startShell(home, ['--record', base, '--trainee'], 100, 30);
  try {
    await bad.waitFor('--trainee needs the name of who is recorded');
    t.is(await bad.exited, 2);
  } finally {
    bad.close();
  }
});
