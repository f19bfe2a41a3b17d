import test from 'ava';
import type { Key } from 'ink';
import type { CompletionContext } from '../../src/shell/completion.ts';
import { keyToPrompt } from '../../src/shell/prompt-keys.ts';
import { initialPromptState, promptReducer } from '../../src/shell/prompt-reducer.ts';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};
const key = (k: Partial<Key>): Key => ({ ...NO_KEY, ...k });
const ctx: CompletionContext = { commands: [], flags: {}, keynums: () => [], partKeynums: () => [], unitNumbers: () => [] };
const empty = initialPromptState();
const typed = promptReducer(empty, { type: 'insert', text: 'abc' });
const searching = promptReducer(empty, { type: 'search' });

test('printable input is inserted; Enter submits; Tab completes', (t) => {
  t.deepEqual(keyToPrompt('a', NO_KEY, empty, ctx), { kind: 'action', action: { type: 'insert', text: 'a' } });
  t.deepEqual(keyToPrompt('pasted text', NO_KEY, empty, ctx), { kind: 'action', action: { type: 'insert', text: 'pasted text' } });
  t.deepEqual(keyToPrompt('', key({ return: true }), typed, ctx), { kind: 'submit' });
  t.deepEqual(keyToPrompt('', key({ tab: true }), typed, ctx), { kind: 'action', action: { type: 'complete', context: ctx } });
});

test('Ctrl-C interrupts; Ctrl-D is end of input on an empty line, delete otherwise', (t) => {
  t.deepEqual(keyToPrompt('c', key({ ctrl: true }), typed, ctx), { kind: 'interrupt' });
  t.deepEqual(keyToPrompt('d', key({ ctrl: true }), empty, ctx), { kind: 'eof' });
  t.deepEqual(keyToPrompt('d', key({ ctrl: true }), typed, ctx), { kind: 'action', action: { type: 'delete' } });
});

test('editing keys', (t) => {
  const action = (input: string, k: Partial<Key>) => {
    const r = keyToPrompt(input, key(k), typed, ctx);
    return r.kind === 'action' ? r.action.type : r.kind;
  };
  t.is(action('', { backspace: true }), 'backspace');
  t.is(action('', { delete: true }), 'backspace', 'Ink reports the usual Backspace (DEL) as delete');
  t.is(action('', { leftArrow: true }), 'left');
  t.is(action('', { rightArrow: true }), 'right');
  t.is(action('', { home: true }), 'home');
  t.is(action('', { end: true }), 'end');
  t.is(action('', { upArrow: true }), 'history-up');
  t.is(action('', { downArrow: true }), 'history-down');
  t.is(action('a', { ctrl: true }), 'home');
  t.is(action('e', { ctrl: true }), 'end');
  t.is(action('w', { ctrl: true }), 'delete-word');
  t.is(action('u', { ctrl: true }), 'kill-to-start');
  t.is(action('k', { ctrl: true }), 'kill-to-end');
  t.is(action('r', { ctrl: true }), 'search');
  t.is(action('z', { ctrl: true }), 'ignore');
  t.is(action('x', { meta: true }), 'ignore');
  t.is(action('', { escape: true, meta: true }), 'ignore');
});

test('in a reverse search, Enter accepts and Esc cancels', (t) => {
  t.deepEqual(keyToPrompt('', key({ return: true }), searching, ctx), { kind: 'action', action: { type: 'search-accept' } });
  t.deepEqual(keyToPrompt('', key({ escape: true, meta: true }), searching, ctx), { kind: 'action', action: { type: 'search-cancel' } });
});
