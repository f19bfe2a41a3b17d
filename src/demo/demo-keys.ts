/**
 * The demo's keys, safe for a presenter's clicker: Next is Space, Enter, Right, Down or PageDown;
 * Back is b, Left, Up, PageUp or Backspace; Escape and every other key do nothing. Quitting (q,
 * Ctrl-C) and taking over (t) ask for the same key again first. Pure: a reducer tested without a screen.
 */

/** The keys Ink reports that the demo reads (Ink's `Key` fits it). */
export interface KeyFlags {
  readonly ctrl?: boolean;
  readonly meta?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly rightArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
}

export type DemoKey = 'next' | 'back' | 'quit' | 'take-over' | 'scroll-up' | 'scroll-down' | 'panel' | 'none';

export const KEYS_HELP = 'Space/Enter/→/↓/PgDn next · b/←/↑/PgUp/Backspace back · j/k scroll · p panel · t take over · q quit';

export function demoKey(input: string, key: KeyFlags): DemoKey {
  if (key.ctrl && input === 'c') return 'quit';
  if (key.escape || key.ctrl || key.meta) return 'none';
  if (key.return || key.rightArrow || key.downArrow || key.pageDown || input === ' ') return 'next';
  if (key.leftArrow || key.upArrow || key.pageUp || key.backspace || key.delete || input === 'b') return 'back';
  switch (input) {
    case 'q': return 'quit';
    case 't': return 'take-over';
    case 'k': return 'scroll-up';
    case 'j': return 'scroll-down';
    case 'p': return 'panel';
    default: return 'none';
  }
}

export type Pending = 'quit' | 'take-over' | null;

export interface DemoUi {
  /** A key that asked to be pressed again. */
  readonly pending: Pending;
  /** Lines scrolled in the output area (see `pageOutput`). */
  readonly scroll: number;
  readonly panelHidden: boolean;
}

export const INITIAL_UI: DemoUi = { pending: null, scroll: 0, panelHidden: false };

export type DemoEffect = 'next' | 'back' | 'quit' | 'take-over' | null;

export interface KeyContext {
  readonly running: boolean;
  readonly minScroll: number;
  readonly maxScroll: number;
}

export type DemoUiAction =
  | { readonly type: 'key'; readonly key: DemoKey; readonly context: KeyContext }
  /** The step on show changed: its output opens at its own page. */
  | { readonly type: 'new-page' };

export const SCROLL_BY = 3;

export function demoUiReducer(ui: DemoUi, action: DemoUiAction): { readonly ui: DemoUi; readonly effect: DemoEffect } {
  if (action.type === 'new-page') return { ui: { ...ui, scroll: 0 }, effect: null };
  const { key, context } = action;
  if (ui.pending !== null) {
    // The second press confirms; any other key cancels, and does nothing else.
    const confirmed = key === ui.pending;
    return { ui: { ...ui, pending: null }, effect: confirmed ? ui.pending : null };
  }
  switch (key) {
    case 'quit': return { ui: { ...ui, pending: 'quit' }, effect: null };
    case 'take-over': return context.running ? { ui, effect: null } : { ui: { ...ui, pending: 'take-over' }, effect: null };
    case 'next':
    case 'back': return { ui, effect: context.running ? null : key };
    case 'scroll-up':
    case 'scroll-down': {
      const by = key === 'scroll-up' ? -SCROLL_BY : SCROLL_BY;
      const scroll = Math.max(context.minScroll, Math.min(context.maxScroll, ui.scroll + by));
      return { ui: { ...ui, scroll }, effect: null };
    }
    case 'panel': return { ui: { ...ui, panelHidden: !ui.panelHidden }, effect: null };
    case 'none': return { ui, effect: null };
  }
}

/** The line that asks for a confirmation. */
export function pendingText(pending: Pending): string | null {
  switch (pending) {
    case 'quit': return 'Press q again to quit the demo (any other key cancels).';
    case 'take-over': return 'Press t again to take over live on this world (any other key cancels).';
    case null: return null;
  }
}
