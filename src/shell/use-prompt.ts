/**
 * Wires the prompt reducer to the keyboard: the App gets the state to render and callbacks for a
 * submitted line, Ctrl-C and end of input. The state lives in a ref as well as in React state, so
 * keys that arrive faster than renders (a paste, a fast typist) each see the latest line.
 */
import { useInput, useStdin, type Key } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { findSecret } from '../engine/secrets.ts';
import type { CompletionContext } from './completion.ts';
import { isF2, keyToPrompt } from './prompt-keys.ts';
import { initialPromptState, promptReducer, submitLine, type PromptAction, type PromptState } from './prompt-reducer.ts';

export interface PromptHandlers {
  /** Enter. `masked`: the line is a secret answer — never print, log, record or store it. */
  readonly onSubmit: (line: string, masked: boolean) => void;
  /** Ctrl-C: cancel the running dialog, or quit at an empty prompt. The line is already cleared. */
  readonly onInterrupt: (hadText: boolean) => void;
  /** Ctrl-D on an empty line. */
  readonly onEof: () => void;
  /** Ctrl-L. */
  readonly onRedraw?: () => void;
  /** F2: switch the panel between the table and the register diagram. */
  readonly onTogglePanel?: () => void;
}

export interface PromptOptions extends PromptHandlers {
  readonly context: CompletionContext;
  readonly history?: readonly string[];
  /** Whether keys go to the prompt (false while something else owns the keyboard). */
  readonly isActive?: boolean;
}

export function usePrompt(options: PromptOptions): { readonly state: PromptState; readonly dispatch: (action: PromptAction) => void } {
  const current = useRef<PromptState | null>(null);
  current.current ??= initialPromptState(options.history);
  const [state, setState] = useState<PromptState>(current.current);
  const latest = useRef(options);
  latest.current = options;

  const dispatch = useCallback((action: PromptAction) => {
    const next = promptReducer(current.current ?? initialPromptState(), action);
    current.current = next;
    setState(next);
  }, []);

  const onKey = useCallback(
    (input: string, key: Key): void => {
      // A paste (or a fast typist) arrives as one chunk: each line break in it submits a line.
      if (input.length > 1 && /[\r\n]/.test(input) && !key.ctrl && !key.meta) {
        const parts = input.split(/\r\n|\r|\n/);
        parts.forEach((part, i) => {
          if (part !== '') onKey(part, { ...key, return: false });
          if (i < parts.length - 1) onKey('\r', { ...key, return: true });
        });
        return;
      }
      const before = current.current ?? initialPromptState();
      const o = latest.current;
      const r = keyToPrompt(input, key, before, o.context);
      switch (r.kind) {
        case 'action': dispatch(r.action); return;
        case 'submit': {
          // A secret typed where it does not belong is not kept in the prompt's history either.
          const secret = !before.masked && findSecret(before.buffer) !== null;
          const submitted = submitLine(secret ? { ...before, masked: true } : before);
          const next = { ...submitted.state, masked: before.masked };
          const line = submitted.line;
          current.current = next;
          setState(next);
          o.onSubmit(line, before.masked);
          return;
        }
        case 'interrupt':
          dispatch({ type: 'clear' });
          o.onInterrupt(before.buffer !== '');
          return;
        case 'eof': o.onEof(); return;
        case 'redraw': o.onRedraw?.(); return;
        case 'ignore': return;
      }
    },
    [dispatch],
  );
  useInput(onKey, { isActive: options.isActive ?? true });
  // Function keys reach useInput as empty input: F2 is told from Ink's raw key event instead.
  const { internal_eventEmitter: keys } = useStdin();
  const active = options.isActive ?? true;
  useEffect(() => {
    if (!active) return;
    const onRaw = (sequence: unknown) => {
      if (typeof sequence === 'string' && isF2(sequence)) latest.current.onTogglePanel?.();
    };
    keys.on('input', onRaw);
    return () => {
      keys.off('input', onRaw);
    };
  }, [keys, active]);
  return { state, dispatch };
}
