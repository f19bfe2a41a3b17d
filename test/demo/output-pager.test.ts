import test from 'ava';
import { pageOutput, type PagerView } from '../../src/demo/output-pager.ts';
import type { OutputItem } from '../../src/shell/output-log.tsx';
import { wrapLine } from '../../src/demo/text-wrap.ts';

let id = 0;
const item = (text: string, tone: OutputItem['tone'] = 'normal'): OutputItem => ({ id: String(id++), text, tone });
const texts = (v: PagerView) => v.lines.map((l) => l.text);

/** A rotation as the demo prints it: prompts, answers, two messages, then OK and tables. */
const ROTATION: OutputItem[] = [
  item('tkesim> cryptounit-mk-rotate', 'muted'),
  item('The master key rotation pre-check verifies that:\n  - one\n  - two\n  - three'),
  item('Do you want to continue?\nAnswer [y/N]:'),
  item('> y', 'muted'),
  item('Enter the password for the signature key identified by:\nAlice (40d1b348...)'),
  item('> ', 'muted'),
  item('Master key rotation started.'),
  item('KMS CRK rewrap successful, waiting on cryptounit-mk-setimm.'),
  item('OK\nMaster key rotation successful.\n\nNEW MASTER KEY REGISTER\nrow 1\nrow 2\n\nCURRENT MASTER KEY REGISTER\nrow 3\nrow 4', 'ok'),
];
const OUTCOME = ['Master key rotation started.', 'KMS CRK rewrap successful, waiting on cryptounit-mk-setimm.', 'OK', 'Master key rotation successful.'];

const contains = (v: PagerView, lines: readonly string[]) => lines.every((l) => texts(v).includes(l));

test('output that fits is shown as it is', (t) => {
  const v = pageOutput({ items: ROTATION, typing: null, width: 80, height: 40, scroll: 0 });
  t.is(v.lines.length, 23);
  t.deepEqual(v.lines.map((l) => l.role).filter((r) => r === 'outcome').length, 4);
  t.deepEqual([v.minScroll, v.maxScroll], [0, 0]);
});

test('long output opens on its outcome, keeps the command line on top, and says what is hidden', (t) => {
  const v = pageOutput({ items: ROTATION, typing: null, width: 80, height: 9, scroll: 0 });
  t.is(v.lines.length, 9);
  t.is(v.lines[0]?.text, 'tkesim> cryptounit-mk-rotate');
  t.regex(v.lines[1]?.text ?? '', /^↑ 10 more lines/);
  t.true(contains(v, OUTCOME));
  t.deepEqual(texts(v).slice(2, 6), OUTCOME, 'in their order');
  t.regex(v.lines[8]?.text ?? '', /^↓ \d+ more lines/);
});

test('scrolling moves the rest; the outcome stays on screen, pinned on the side where it is', (t) => {
  const opened = pageOutput({ items: ROTATION, typing: null, width: 80, height: 9, scroll: 0 });
  for (let scroll = opened.minScroll; scroll <= opened.maxScroll; scroll++) {
    const v = pageOutput({ items: ROTATION, typing: null, width: 80, height: 9, scroll });
    t.is(v.lines.length, 9, `scroll ${scroll}`);
    t.is(v.lines[0]?.text, 'tkesim> cryptounit-mk-rotate');
    t.true(contains(v, OUTCOME), `scroll ${scroll}: ${texts(v).join(' | ')}`);
  }
  const up = pageOutput({ items: ROTATION, typing: null, width: 80, height: 9, scroll: opened.minScroll });
  t.true(texts(up).includes('The master key rotation pre-check verifies that:'), 'the top of the output can be reached');
  t.deepEqual(texts(up).slice(-4), OUTCOME, 'below what is shown, the outcome is at the bottom');
  const down = pageOutput({ items: ROTATION, typing: null, width: 80, height: 9, scroll: opened.maxScroll });
  t.is(texts(down).at(-1), 'row 4', 'the end of the output can be reached');
  t.deepEqual(texts(down).slice(1, 5), OUTCOME, 'above what is shown, the outcome is on top');
});

test('a refusal: FAILED, the message and the return code stay visible', (t) => {
  const items = [
    item('tkesim> cryptounit-mk-commit', 'muted'),
    ...Array.from({ length: 12 }, (_, i) => item(`prompt ${i}`)),
    item('FAILED\nError reported by EP11 crypto module.\nReturn code: 8\nReason code: 2049\ntkesim: crypto unit 1 refused the command.', 'error'),
  ];
  const v = pageOutput({ items, typing: null, width: 80, height: 8, scroll: -100 });
  t.true(contains(v, ['FAILED', 'Error reported by EP11 crypto module.', 'Return code: 8']));
});

test('while a command runs, the page follows the latest lines and the line being typed', (t) => {
  const items = [item('tkesim> sigkey-add', 'muted'), ...Array.from({ length: 20 }, (_, i) => item(`line ${i}`))];
  const v = pageOutput({ items, typing: '> Ali', width: 80, height: 6, scroll: 0 });
  t.deepEqual(texts(v), ['tkesim> sigkey-add', '↑ 17 more lines (k scrolls up)', 'line 17', 'line 18', 'line 19', '> Ali']);
});

test('long lines are wrapped to the width, at spaces', (t) => {
  t.deepEqual(wrapLine('one two three four', 9), ['one two', 'three', 'four']);
  t.deepEqual(wrapLine('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
  const v = pageOutput({ items: [item('word '.repeat(30))], typing: null, width: 20, height: 50, scroll: 0 });
  t.true(v.lines.every((l) => [...l.text].length <= 20));
});
