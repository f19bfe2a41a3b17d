import test from 'ava';
import { demoFrame, headingOf, type FrameInput } from '../../src/demo/demo-frame.ts';
import type { DemoView } from '../../src/demo/demo-runner.ts';
import { parseDemoScript } from '../../src/demo/demo-script.ts';

const script = parseDemoScript(`seed: frame-test
## setup: select
$ cryptounit-add
> 1 2
## First
The first step does a first thing, explained in a sentence long enough to wrap on an eighty column screen.
note: say it slowly
$ cryptounits
## Second
The second step.
$ sigkeys
`);

const view = (patch: Partial<DemoView>): DemoView => ({
  phase: 'waiting', done: 1, shown: 1, ran: false, current: script.steps[1] ?? null, outcome: null, output: [],
  typed: '', typing: null, masked: false, message: null, ...patch,
});

const input = (patch: Partial<FrameInput>): FrameInput => ({
  columns: 80, rows: 24, view: view({}), steps: script.steps, firstStep: 1, title: 'x', notes: false, panelHidden: false, pending: null,
  panelHeight: (v) => (v === 'compact' ? 6 : 8), ...patch,
});

const height = (i: FrameInput) => {
  const f = demoFrame(i);
  return 2 + f.box.length + f.outputRows + (f.status ? 1 : 0) + (f.panel ? i.panelHeight(f.panel) : 0) + 1;
};

test('the box shows the step about to run, then the same step once it ran, never the next one', (t) => {
  t.is(headingOf(input({})), 'Next: step 1/2 · First');
  t.is(headingOf(input({ view: view({ phase: 'running' }) })), 'step 1/2 · First · running…');
  const ran = input({ view: view({ done: 2, ran: true, outcome: { status: 'ok' } }) });
  t.is(headingOf(ran), 'step 1/2 · First ✓ OK');
  t.false(demoFrame(ran).box.some((l) => /second/i.test(l.text)), 'nothing of step 2 in the box');
  t.regex(demoFrame(ran).footer.text, /^Next: step 2\/2 · Second/, 'the footer names what comes next');
  t.is(headingOf(input({ view: view({ done: 2, ran: true, outcome: { status: 'failed', message: 'x' } }) })), 'step 1/2 · First ✗ FAILED');
  t.regex(headingOf(input({ view: view({ phase: 'finished', done: 3, shown: 2, current: script.steps[2] ?? null, ran: true, outcome: { status: 'ok' } }) })), /step 2\/2 · Second ✓ OK · the end/);
});

test('a narrow box cuts the title, never the step number or its outcome', (t) => {
  const f = demoFrame(input({ columns: 30, view: view({ done: 2, ran: true, outcome: { status: 'failed', message: 'x' } }) }));
  t.is(f.box[0]?.text, 'step 1/2 · First ✗ FAILED');
  const long = demoFrame(input({ columns: 36, view: view({ phase: 'finished', done: 3, shown: 2, current: { ...script.steps[2]!, title: 'A very long title for this step' }, ran: true, outcome: { status: 'ok' } }) }));
  t.regex(long.box[0]?.text ?? '', /^step 2\/2 · A .*… ✓ OK · the end$/);
  t.true([...(long.box[0]?.text ?? '')].length <= 32);
});

test('the box holds the narration and the command; notes only with --notes', (t) => {
  const plain = demoFrame(input({}));
  t.true(plain.box.some((l) => l.kind === 'command' && l.text === '$ cryptounits'));
  t.true(plain.box.filter((l) => l.kind === 'narration').length >= 2, 'long narration wraps');
  t.false(plain.box.some((l) => l.kind === 'note'));
  t.true(demoFrame(input({ notes: true })).box.some((l) => l.kind === 'note' && l.text === 'note: say it slowly'));
});

test('the frame fills the terminal exactly; compact panel below 30 rows, full from 30; p hides it', (t) => {
  for (const [columns, rows] of [[80, 24], [120, 36], [100, 30], [60, 20], [80, 14]] as const) {
    t.is(height(input({ columns, rows })), rows, `${columns}x${rows}`);
    t.is(height(input({ columns, rows, panelHidden: true })), rows);
  }
  t.is(demoFrame(input({ rows: 24 })).panel, 'compact');
  t.is(demoFrame(input({ rows: 29 })).panel, 'compact');
  t.is(demoFrame(input({ rows: 36 })).panel, 'full');
  t.is(demoFrame(input({ rows: 24, panelHidden: true })).panel, null);
  t.true(demoFrame(input({ rows: 24, panelHidden: true })).outputRows > demoFrame(input({ rows: 24 })).outputRows);
});

test('a key waiting to be pressed again replaces the footer', (t) => {
  const f = demoFrame(input({ pending: 'Press q again to quit the demo (any other key cancels).' }));
  t.deepEqual(f.footer, { text: 'Press q again to quit the demo (any other key cancels).', pending: true });
});
