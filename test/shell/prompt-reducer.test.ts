import test from 'ava';
import type { CompletionContext } from '../../src/shell/completion.ts';
import { HISTORY_LIMIT, initialPromptState, promptReducer, submitLine, type PromptAction, type PromptState } from '../../src/shell/prompt-reducer.ts';

const run = (state: PromptState, ...actions: PromptAction[]) => actions.reduce(promptReducer, state);
const type = (text: string): PromptAction => ({ type: 'insert', text });
const a = (t: Exclude<PromptAction['type'], 'insert' | 'complete' | 'set-masked' | 'set-history' | 'set-mode'>): PromptAction => ({ type: t });
const typed = (text: string, history: string[] = []) => run(initialPromptState(history), type(text));

const ctx: CompletionContext = {
  commands: ['cryptounits', 'cryptounit-add', 'cryptounit-rm', 'sigkeys', 'sigkey-sel', 'mk-add'],
  flags: { 'mk-add': ['--random', '--value'] },
  keynums: () => [1, 2],
  partKeynums: () => [1, 2, 3],
  unitNumbers: () => [1, 2, 3, 4],
};

test('typing, moving and deleting characters', (t) => {
  let s = typed('cryptounit');
  t.deepEqual([s.buffer, s.cursor], ['cryptounit', 10]);
  s = run(s, a('left'), a('left'), type('XY'));
  t.deepEqual([s.buffer, s.cursor], ['cryptounXYit', 10]);
  s = run(s, a('backspace'), a('delete'));
  t.deepEqual([s.buffer, s.cursor], ['cryptounXt', 9]);
  s = run(s, a('home'), a('delete'), a('end'), type('!'));
  t.deepEqual([s.buffer, s.cursor], ['ryptounXt!', 10]);
  s = run(s, a('home'), a('left'), a('backspace'));
  t.deepEqual([s.buffer, s.cursor], ['ryptounXt!', 0]);
  s = run(s, a('end'), a('right'), a('delete'));
  t.deepEqual([s.buffer, s.cursor], ['ryptounXt!', 10]);
});

test('control characters and line breaks never enter the line', (t) => {
  const s = typed('a\u0007b\u001b[Ac\nd\te\u0000\u009b');
  t.is(s.buffer, 'ab[Ac d e');
});

test('an emoji is one character for the cursor and backspace', (t) => {
  let s = typed('x😀y');
  s = run(s, a('left'), a('left'));
  t.is(s.cursor, 1);
  s = run(s, a('right'), a('backspace'));
  t.deepEqual([s.buffer, s.cursor], ['xy', 1]);
});

test('Ctrl-W deletes the word before the cursor and the blanks after it', (t) => {
  let s = typed('cryptounit-add 1 22  ');
  s = run(s, a('delete-word'));
  t.deepEqual([s.buffer, s.cursor], ['cryptounit-add 1 ', 17]);
  s = run(s, a('delete-word'), a('delete-word'));
  t.deepEqual([s.buffer, s.cursor], ['', 0]);
  s = run(typed('one two three'), a('left'), a('left'), a('delete-word'));
  t.deepEqual([s.buffer, s.cursor], ['one two ee', 8]);
});

test('Ctrl-U deletes to the start, Ctrl-K to the end', (t) => {
  const s = run(typed('abc def'), a('left'), a('left'), a('left'));
  t.deepEqual([run(s, a('kill-to-start')).buffer, run(s, a('kill-to-start')).cursor], ['def', 0]);
  t.deepEqual([run(s, a('kill-to-end')).buffer, run(s, a('kill-to-end')).cursor], ['abc ', 4]);
});

test('submit records the line in history, skipping blanks and repeats, and clears the line', (t) => {
  let s = typed('cryptounits');
  const first = submitLine(s);
  t.is(first.line, 'cryptounits');
  t.deepEqual([first.state.buffer, first.state.cursor], ['', 0]);
  s = run(first.state, type('cryptounits'), a('submit'), type('   '), a('submit'), type('sigkeys'), a('submit'));
  t.deepEqual(s.history, ['cryptounits', 'sigkeys']);
});

test('history is capped', (t) => {
  let s = initialPromptState(Array.from({ length: HISTORY_LIMIT }, (_, i) => `line ${i}`));
  s = run(s, type('newest'), a('submit'));
  t.is(s.history.length, HISTORY_LIMIT);
  t.is(s.history[0], 'line 1');
  t.is(s.history[HISTORY_LIMIT - 1], 'newest');
});

test('up and down walk the history and come back to the line being typed', (t) => {
  let s = typed('draft', ['one', 'two', 'three']);
  s = run(s, a('history-up'));
  t.deepEqual([s.buffer, s.cursor], ['three', 5]);
  s = run(s, a('history-up'), a('history-up'), a('history-up'));
  t.is(s.buffer, 'one');
  s = run(s, a('history-down'));
  t.is(s.buffer, 'two');
  s = run(s, a('history-down'), a('history-down'));
  t.deepEqual([s.buffer, s.historyIndex], ['draft', null]);
  s = run(s, a('history-down'));
  t.is(s.buffer, 'draft');
  t.is(run(initialPromptState(), a('history-up')).buffer, '');
});

test('Ctrl-R searches backwards; typing refines, Ctrl-R again goes older, Enter accepts', (t) => {
  const history = ['cryptounit-add 1 2', 'sigkeys', 'cryptounit-compare', 'mks'];
  let s = run(initialPromptState(history), type('x'), a('search'), type('crypto'));
  t.deepEqual(s.search, { query: 'crypto', match: 2 });
  s = run(s, a('search'));
  t.deepEqual(s.search, { query: 'crypto', match: 0 });
  s = run(s, a('search'));
  t.deepEqual(s.search?.match, 0, 'stays on the oldest match');
  s = run(s, type('unit-a'));
  t.deepEqual(s.search, { query: 'cryptounit-a', match: 0 });
  s = run(s, a('search-accept'));
  t.is(s.search, null);
  t.deepEqual([s.buffer, s.cursor], ['cryptounit-add 1 2', 18]);
});

test('reverse search: backspace widens, no match keeps the line, Esc cancels', (t) => {
  const history = ['cryptounit-add 1 2', 'sigkeys'];
  let s = run(initialPromptState(history), type('draft'), a('search'), type('zz'));
  t.deepEqual(s.search, { query: 'zz', match: null });
  t.is(run(s, a('search-accept')).buffer, 'draft');
  s = run(s, a('backspace'), a('backspace'), type('s'));
  t.deepEqual(s.search, { query: 's', match: 1 });
  s = run(s, a('search-cancel'));
  t.deepEqual([s.buffer, s.search], ['draft', null]);
});

test('reverse search: an editing key accepts the match, then edits it; submit runs the match', (t) => {
  const s = run(initialPromptState(['sigkeys']), a('search'), type('sig'), a('backspace'));
  t.is(s.search?.query, 'si');
  const edited = run(s, a('home'), type('tke '));
  t.deepEqual([edited.buffer, edited.search], ['tke sigkeys', null]);
  const submitted = submitLine(run(initialPromptState(['sigkeys']), a('search'), type('key')));
  t.is(submitted.line, 'sigkeys');
});

test('Tab completes in place; several matches are listed until the next key', (t) => {
  let s = run(typed('sigk'), { type: 'complete', context: ctx });
  t.deepEqual([s.buffer, s.cursor, s.completion], ['sigkey', 6, { candidates: ['sigkeys', 'sigkey-sel'] }]);
  s = run(s, type('-'), { type: 'complete', context: ctx });
  t.deepEqual([s.buffer, s.completion], ['sigkey-sel ', null]);
  s = run(s, { type: 'complete', context: ctx });
  t.deepEqual(s.completion, { candidates: ['1', '2'] });
  s = run(s, type('2'));
  t.is(s.completion, null);
});

test('masked entry: nothing read from or written to history, no search, no completion', (t) => {
  let s = run(initialPromptState(['cryptounits']), { type: 'set-masked', masked: true }, type('s3cret'));
  t.true(s.masked);
  t.is(s.buffer, 's3cret');
  s = run(s, a('history-up'));
  t.is(s.buffer, 's3cret');
  s = run(s, a('search'));
  t.is(s.search, null);
  s = run(s, { type: 'complete', context: ctx });
  t.deepEqual([s.buffer, s.completion], ['s3cret', null]);
  const { state, line } = submitLine(s);
  t.is(line, 's3cret');
  t.deepEqual(state.history, ['cryptounits']);
  t.is(state.buffer, '');
  const back = run(state, { type: 'set-masked', masked: false }, a('history-up'));
  t.is(back.buffer, 'cryptounits');
});

test('switching masking clears the line; clear drops it; set-history replaces the history', (t) => {
  const s = typed('half a command');
  t.is(run(s, { type: 'set-masked', masked: true }).buffer, '');
  t.deepEqual([run(s, a('clear')).buffer, run(s, a('clear')).history], ['', []]);
  t.deepEqual(run(s, { type: 'set-history', history: ['a', 'b'] }).history, ['a', 'b']);
});

test('answers to a dialog are not recorded in history; set-mode masks secret answers', (t) => {
  const answering = run(initialPromptState(['sigkeys']), { type: 'set-mode', answering: true, masked: false }, type('1 2'));
  const { state } = submitLine(answering);
  t.deepEqual(state.history, ['sigkeys']);
  const secret = run(initialPromptState(), { type: 'set-mode', answering: true, masked: true });
  t.true(secret.masked);
  const back = run(secret, { type: 'set-mode', answering: false, masked: false }, type('cryptounits'));
  t.deepEqual(submitLine(back).state.history, ['cryptounits']);
});
