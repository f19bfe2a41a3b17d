/**
 * Maps a key press, as Ink's useInput reports it, to what the prompt should do. Pure, so the App's
 * input handler stays one line. Ink reports the Backspace key of most terminals (DEL, 0x7f) as
 * `delete`, so both erase backwards; Ctrl-D deletes forwards on a non-empty line.
 */
import type { Key } from 'ink';
import type { CompletionContext } from './completion.ts';
import type { PromptAction, PromptState } from './prompt-reducer.ts';

export type PromptKey =
  | { readonly kind: 'action'; readonly action: PromptAction }
  /** Enter outside a reverse search: run the line (or answer the question). */
  | { readonly kind: 'submit' }
  /** Ctrl-C: cancel the dialog, or quit at an empty prompt. */
  | { readonly kind: 'interrupt' }
  /** Ctrl-D on an empty line: end of input (quit, or cancel a question). */
  | { readonly kind: 'eof' }
  /** Ctrl-L: clear the screen and draw it again. */
  | { readonly kind: 'redraw' }
  | { readonly kind: 'ignore' };

const act = (action: PromptAction): PromptKey => ({ kind: 'action', action });

const CTRL: Readonly<Record<string, PromptAction>> = {
  a: { type: 'home' },
  e: { type: 'end' },
  b: { type: 'left' },
  f: { type: 'right' },
  h: { type: 'backspace' },
  w: { type: 'delete-word' },
  u: { type: 'kill-to-start' },
  k: { type: 'kill-to-end' },
  p: { type: 'history-up' },
  n: { type: 'history-down' },
  r: { type: 'search' },
};

/**
 * F2 as terminals send it: ESC O Q (xterm and most others), ESC [ 1 2 ~ (rxvt, some VT modes),
 * ESC [ [ B (the Linux console), and ESC [ 1 ; N Q with a modifier. Ink's useInput reports every
 * function key as empty input with no key flag, so the shell reads Ink's raw key events for it.
 */
export function isF2(sequence: string): boolean {
  return /^\u001b(?:OQ|\[12~|\[\[B|\[1;\d+Q|\[12;\d+~)$/.test(sequence);
}

export function keyToPrompt(input: string, key: Key, state: PromptState, context: CompletionContext): PromptKey {
  if (key.ctrl && input === 'c') return { kind: 'interrupt' };
  if (key.ctrl && input === 'l') return { kind: 'redraw' };
  if (key.ctrl && input === 'd') return state.buffer === '' && !state.search ? { kind: 'eof' } : act({ type: 'delete' });
  if (key.return) return state.search ? act({ type: 'search-accept' }) : { kind: 'submit' };
  if (key.escape) return state.search ? act({ type: 'search-cancel' }) : { kind: 'ignore' };
  if (key.tab) return act({ type: 'complete', context });
  if (key.backspace || key.delete) return act({ type: 'backspace' });
  if (key.leftArrow) return act({ type: 'left' });
  if (key.rightArrow) return act({ type: 'right' });
  if (key.upArrow) return act({ type: 'history-up' });
  if (key.downArrow) return act({ type: 'history-down' });
  if (key.home) return act({ type: 'home' });
  if (key.end) return act({ type: 'end' });
  if (key.ctrl) {
    const action = CTRL[input];
    return action ? act(action) : { kind: 'ignore' };
  }
  if (key.meta || input === '') return { kind: 'ignore' };
  return act({ type: 'insert', text: input });
}
