import test from 'ava';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { castV2Problems, parseCast } from '../../src/journal/cast-format.ts';
import { parseJournal } from '../../src/journal/journal-chain.ts';
import { ensureBuilt, newHome, ROOT, tkesim } from '../helpers/cli.ts';
import { startShell, type Screen } from '../helpers/pty.ts';

test.before(ensureBuilt);

const row = (s: Screen, n: number) => s.screen().split('\n').find((l) => new RegExp(`^\\S*\\s+${n}\\s+OPER`).test(l)) ?? '';

/** Presses a key and waits for `want`, then for the footer that says the demo waits for the next key. */
async function key(s: Screen, k: string, want: string | RegExp): Promise<void> {
  const m = s.mark();
  s.pty.write(k);
  const at = await s.waitFor(want, m);
  await s.waitFor(/│ Space next|Space: run step/, at);
}

test('a demo in a terminal: Space, Enter and arrows run a step with its narration, b goes back, t t takes over live', async (t) => {
  const home = newHome();
  const s = startShell(home, ['demo', join(ROOT, 'sessions', 'demos', 'key-part-init.demo'), '--typing', '1'], 120, 45);
  try {
    await s.waitFor('Next: step 1/15 · Show the crypto units');
    t.regex(s.screen(), /all in imprint mode/);
    await key(s, ' ', 'Next: step 2/15');
    t.regex(s.screen(), /tkesim> cryptounits/);
    await key(s, '\r', 'Next: step 3/15');
    t.regex(row(s, 1), /^●/);
    await key(s, '\u001b[C', 'Next: step 4/15');
    t.regex(s.screen(), /A signature key was created/);
    t.notRegex(s.output(), /Alice-training-1/, 'training values are never shown');
    await key(s, 'b', 'back: step 3 is next again');
    await key(s, 'b', 'back: step 2 is next again');
    t.regex(row(s, 1), /^○/, 'going back unselects the units again');
    await key(s, '\u001b[B', 'Next: step 3/15');
    const m = s.mark();
    s.pty.write('t');
    await s.waitFor('Press t again', m);
    s.pty.write('t');
    await s.waitFor('You took over the demo', m);
    const ready = await s.waitFor(/tkesim>\s*$/m, m);
    t.regex(s.screen(), /after step 2 of 15/);
    await s.typeLine('sigkeys');
    const listed = await s.waitFor('No files containing a signature key were found', ready);
    await s.waitFor(/tkesim>\s*$/m, listed);
    const left = s.mark();
    await s.typeLine('exit');
    await s.waitFor('Return to the demo at step 2 of 15?', left);
    s.pty.write('n');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
});

const SMALL = `title: A small recorded demo
seed: e2e-demo
training carol = Carol-demo-pw-9

## Select
$ cryptounit-add
> 1 2

## A key for Carol
$ sigkey-add
> Carol
> @carol
> @carol

## Select it
$ sigkey-sel
> 1
> @carol
`;

test('a demo runs unattended with --auto and is recorded: a valid .cast with a marker per step, a journal that replays', async (t) => {
  const home = newHome();
  const script = join(home.dir, 'small.demo');
  writeFileSync(script, SMALL);
  const name = join(home.dir, 'rec', 'small');
  const s = startShell(home, ['demo', script, '--record', name, '--auto', '0', '--typing', '0'], 100, 40);
  try {
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
  const cast = readFileSync(`${name}.cast`, 'utf8');
  t.deepEqual(castV2Problems(cast), []);
  const markers = parseCast(cast).events.filter((e) => e.code === 'm').map((e) => e.data);
  t.deepEqual(markers, ['demo: 1. Select', 'step 1: cryptounit-add', 'demo: 2. A key for Carol', 'step 2: sigkey-add', 'demo: 3. Select it', 'step 3: sigkey-sel']);
  const journalText = readFileSync(`${name}.journal.jsonl`, 'utf8');
  t.false(journalText.includes('Carol-demo-pw-9') || cast.includes('Carol-demo-pw-9'));
  const journal = parseJournal(journalText);
  t.is(journal.header.demo, '../small.demo');
  t.true(journalText.includes('"training":"carol"'));
  const replay = await tkesim(home, ['replay', `${name}.journal.jsonl`]);
  t.is(replay.code, 0, replay.out);
  t.regex(replay.out, /hash chain is intact/);
});
