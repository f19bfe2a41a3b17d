/**
 * The prompt as a pure state machine: line editing, history, reverse search, completion and masked
 * (secret) entry. While masked, history is neither read (up/down, Ctrl-R, Tab do nothing) nor
 * written (a submitted secret is never recorded), so a secret can only leave through `submit`.
 */
import { complete, type CompletionContext } from './completion.ts';
import * as edit from './line-editing.ts';

export const HISTORY_LIMIT = 1000;

export interface PromptSearch {
  readonly query: string;
  /** Index into history of the entry shown, or null when nothing matches. */
  readonly match: number | null;
}

export interface PromptState {
  readonly buffer: string;
  readonly cursor: number;
  /** Submitted command lines, oldest first. */
  readonly history: readonly string[];
  /** The history entry being shown by up/down, or null while editing a fresh line. */
  readonly historyIndex: number | null;
  /** The fresh line put aside while browsing history, restored by going down past the newest. */
  readonly draft: string;
  readonly search: PromptSearch | null;
  readonly masked: boolean;
  /** The line answers a dialog's question: it is not a command, so it is not recorded in history. */
  readonly answering: boolean;
  /** Candidates of the last Tab when several matched, to be shown until the next key. */
  readonly completion: { readonly candidates: readonly string[] } | null;
}

export type PromptAction =
  | { readonly type: 'insert'; readonly text: string }
  | { readonly type: 'backspace' }
  | { readonly type: 'delete' }
  | { readonly type: 'left' }
  | { readonly type: 'right' }
  | { readonly type: 'home' }
  | { readonly type: 'end' }
  | { readonly type: 'delete-word' }
  | { readonly type: 'kill-to-start' }
  | { readonly type: 'kill-to-end' }
  | { readonly type: 'history-up' }
  | { readonly type: 'history-down' }
  /** Ctrl-R: starts a reverse search, or moves to the next older match. */
  | { readonly type: 'search' }
  | { readonly type: 'search-accept' }
  | { readonly type: 'search-cancel' }
  | { readonly type: 'complete'; readonly context: CompletionContext }
  /** Records the line (unless masked) and clears it; read the line first, or use `submitLine`. */
  | { readonly type: 'submit' }
  /** Ctrl-C: drops the line being typed. */
  | { readonly type: 'clear' }
  /** Enter or leave secret entry; the line is cleared either way. */
  | { readonly type: 'set-masked'; readonly masked: boolean }
  | { readonly type: 'set-history'; readonly history: readonly string[] }
  /** A dialog starts or stops asking: answers are never recorded, secret answers never shown. */
  | { readonly type: 'set-mode'; readonly answering: boolean; readonly masked: boolean };

export function initialPromptState(history: readonly string[] = []): PromptState {
  return { buffer: '', cursor: 0, history: history.slice(-HISTORY_LIMIT), historyIndex: null, draft: '', search: null, masked: false, answering: false, completion: null };
}

const fresh = (s: PromptState): PromptState => ({ ...s, buffer: '', cursor: 0, historyIndex: null, draft: '', search: null, completion: null });

function applyEdit(s: PromptState, f: (line: edit.Line) => edit.Line): PromptState {
  const { text, cursor } = f({ text: s.buffer, cursor: s.cursor });
  return { ...s, buffer: text, cursor };
}

/** The newest entry at or before `from` that contains `query`, or null. */
function findOlder(history: readonly string[], query: string, from: number): number | null {
  if (query === '') return null;
  for (let i = Math.min(from, history.length - 1); i >= 0; i--) if (history[i]?.includes(query)) return i;
  return null;
}

function acceptSearch(s: PromptState): PromptState {
  if (!s.search) return s;
  const found = s.search.match === null ? null : s.history[s.search.match];
  return found === undefined || found === null ? { ...s, search: null } : { ...s, buffer: found, cursor: found.length, historyIndex: null, search: null };
}

function searchStep(s: PromptState, search: PromptSearch, action: PromptAction): PromptState {
  const last = s.history.length - 1;
  switch (action.type) {
    case 'insert': {
      const query = search.query + edit.printable(action.text);
      return { ...s, search: { query, match: findOlder(s.history, query, search.match ?? last) } };
    }
    case 'backspace': {
      const query = edit.backspace({ text: search.query, cursor: search.query.length }).text;
      return { ...s, search: { query, match: findOlder(s.history, query, last) } };
    }
    case 'search': {
      if (search.match === null) return s;
      return { ...s, search: { ...search, match: findOlder(s.history, search.query, search.match - 1) ?? search.match } };
    }
    case 'search-accept': return acceptSearch(s);
    case 'search-cancel': return { ...s, search: null };
    default: return promptReducer(acceptSearch(s), action);
  }
}

function record(history: readonly string[], line: string): readonly string[] {
  if (line.trim() === '' || history[history.length - 1] === line) return history;
  return [...history, line].slice(-HISTORY_LIMIT);
}

export function promptReducer(state: PromptState, action: PromptAction): PromptState {
  const s = state.completion && action.type !== 'complete' ? { ...state, completion: null } : state;
  if (s.search) return searchStep(s, s.search, action);
  switch (action.type) {
    case 'insert': return applyEdit(s, (l) => edit.insert(l, action.text));
    case 'backspace': return applyEdit(s, edit.backspace);
    case 'delete': return applyEdit(s, edit.deleteForward);
    case 'left': return applyEdit(s, edit.left);
    case 'right': return applyEdit(s, edit.right);
    case 'home': return { ...s, cursor: 0 };
    case 'end': return { ...s, cursor: s.buffer.length };
    case 'delete-word': return applyEdit(s, edit.deleteWord);
    case 'kill-to-start': return applyEdit(s, edit.killToStart);
    case 'kill-to-end': return applyEdit(s, edit.killToEnd);
    case 'history-up': {
      if (s.masked) return s;
      const index = (s.historyIndex ?? s.history.length) - 1;
      const entry = s.history[index];
      if (entry === undefined) return s;
      return { ...s, buffer: entry, cursor: entry.length, historyIndex: index, draft: s.historyIndex === null ? s.buffer : s.draft };
    }
    case 'history-down': {
      if (s.masked || s.historyIndex === null) return s;
      const entry = s.history[s.historyIndex + 1];
      if (entry === undefined) return { ...s, buffer: s.draft, cursor: s.draft.length, historyIndex: null, draft: '' };
      return { ...s, buffer: entry, cursor: entry.length, historyIndex: s.historyIndex + 1 };
    }
    case 'search': return s.masked ? s : { ...s, search: { query: '', match: null } };
    case 'search-accept':
    case 'search-cancel':
      return s;
    case 'complete': {
      if (s.masked) return s;
      const c = complete(s.buffer, s.cursor, action.context);
      switch (c.kind) {
        case 'none': return s;
        case 'single': return { ...s, buffer: c.buffer, cursor: c.cursor, completion: null };
        case 'many': return { ...s, buffer: c.buffer, cursor: c.cursor, completion: { candidates: c.candidates } };
      }
      break;
    }
    case 'submit': return fresh(s.masked || s.answering ? s : { ...s, history: record(s.history, s.buffer) });
    case 'clear': return fresh(s);
    case 'set-masked': return fresh({ ...s, masked: action.masked });
    case 'set-mode': return fresh({ ...s, masked: action.masked, answering: action.answering });
    case 'set-history': return { ...s, history: action.history.slice(-HISTORY_LIMIT), historyIndex: null };
  }
  return s;
}

/** Submits the line: the new state and the line to run (or answer with), read before clearing. */
export function submitLine(state: PromptState): { readonly state: PromptState; readonly line: string } {
  const accepted = state.search ? acceptSearch(state) : state;
  return { state: promptReducer(accepted, { type: 'submit' }), line: accepted.buffer };
}
