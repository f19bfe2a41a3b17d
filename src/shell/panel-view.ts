/**
 * Which view the panel shows: the table (one row per unit) or the register diagram. The shell word
 * `panel` chooses (`panel diagram`, `panel table`, `panel` alone switches), as does F2. Pure.
 */
export type PanelView = 'table' | 'diagram';

export const PANEL_WORD = 'panel';

export type PanelWord =
  | { readonly kind: 'switch'; readonly view: PanelView; readonly message: string }
  | { readonly kind: 'usage'; readonly message: string };

const SAID: Readonly<Record<PanelView, string>> = {
  diagram: 'The panel draws the master key registers as a diagram. "panel table" or F2 shows the table again.',
  table: 'The panel shows the table of crypto units. "panel diagram" or F2 draws the registers as a diagram.',
};

export const otherView = (view: PanelView): PanelView => (view === 'table' ? 'diagram' : 'table');

/** The rest of a line that starts with the panel word (`tkesim panel` too), or null for any other line. */
export function panelWordRest(line: string): string | null {
  const m = /^(?:tkesim\s+)?panel(?:\s+(.*))?$/.exec(line.trim());
  return m ? (m[1] ?? '') : null;
}

/** What `panel REST` does when the panel shows `current`. */
export function panelWord(rest: string, current: PanelView): PanelWord {
  const arg = rest.trim().toLowerCase();
  const view: PanelView | null = arg === '' ? otherView(current) : arg === 'diagram' || arg === 'table' ? arg : null;
  if (view === null) return { kind: 'usage', message: `"${rest.trim().slice(0, 40)}" is not a panel view. Type "panel diagram" or "panel table" (F2 switches between them).` };
  return { kind: 'switch', view, message: SAID[view] };
}
