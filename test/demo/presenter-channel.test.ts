import test from 'ava';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { presenterFromJson, presenterState, PRESENTER_FILE, publishPresenter, readPresenter, unpublishPresenter } from '../../src/demo/presenter-channel.ts';
import { presenterLines } from '../../src/demo/presenter-view.ts';
import type { DemoView } from '../../src/demo/demo-runner.ts';
import { parseDemoScript } from '../../src/demo/demo-script.ts';

const script = parseDemoScript(`title: Notes for Alice-notes-pw-1
seed: presenter-test
training alice = Alice-notes-pw-1
## setup: select
$ cryptounit-add
> 1 2
## One
note: first note
note: Alice types Alice-notes-pw-1 here
$ sigkey-add
> Alice
> @alice
> @alice
## Two
note: second note
`);

const view = (patch: Partial<DemoView>): DemoView => ({
  phase: 'waiting', done: 1, shown: 1, ran: false, current: null, outcome: null, output: [], typed: '', typing: null, masked: false, message: null, ...patch,
});

test('the presenter state: the step on show with its notes, the next step, numbered without setup steps', (t) => {
  const before = presenterState(script, view({}), 1, 1000, 42);
  t.deepEqual(before.step, { number: 1, title: 'One', notes: ['first note', 'Alice types @alice here'] });
  t.deepEqual(before.next, { number: 2, title: 'Two', notes: ['second note'] });
  t.is(before.total, 2);
  const after = presenterState(script, view({ done: 3, shown: 2, ran: true, phase: 'finished' }), 1, 1000, 42);
  t.is(after.step.number, 2);
  t.is(after.next, null);
});

test('the file carries no training value, is private, and is read back field by field', (t) => {
  const home = mkdtempSync(join(tmpdir(), 'tkesim-presenter-'));
  const state = presenterState(script, view({}), 1, 1000);
  publishPresenter(home, state);
  const text = readFileSync(join(home, PRESENTER_FILE), 'utf8');
  t.false(text.includes('Alice-notes-pw-1'));
  t.true(text.includes('Notes for @alice'));
  t.is(statSync(join(home, PRESENTER_FILE)).mode & 0o777, 0o600);
  t.deepEqual(readPresenter(home), state);
  unpublishPresenter(home, process.pid + 1);
  t.not(readPresenter(home), null, 'another process\'s file is left alone');
  unpublishPresenter(home);
  t.is(readPresenter(home), null);
});

test('a malformed file is no demo', (t) => {
  t.is(presenterFromJson({ pid: 'x' }), null);
  t.is(presenterFromJson(null), null);
  t.is(presenterFromJson({ pid: 1, title: 't', startedAt: 0, total: 2, ran: false, phase: 'dancing', step: { number: 1, title: 'a', notes: [] }, next: null }), null);
  const home = mkdtempSync(join(tmpdir(), 'tkesim-presenter-'));
  writeFileSync(join(home, PRESENTER_FILE), '{not json');
  t.is(readPresenter(home), null);
});

test('the presenter view: now, next, the time and the keys; or how to start a demo', (t) => {
  const state = presenterState(script, view({}), 1, 0);
  const text = presenterLines(state, true, 125_000, 80, '/h').map((l) => l.text).join('\n');
  t.regex(text, /NOW {3}step 1\/2 · One · up next/);
  t.regex(text, /• first note/);
  t.regex(text, /NEXT {2}step 2\/2 · Two/);
  t.regex(text, /02:05/);
  t.regex(text, /PgUp/);
  t.regex(presenterLines(null, false, 0, 80, '/h').map((l) => l.text).join('\n'), /No demo is running/);
});
