/**
 * Playing a .cast in a terminal smaller than the one it was recorded in: the recording is drawn at
 * its own size on a virtual screen, and the terminal shows a window onto it (a one-line notice
 * above, the status line below) that follows the cursor unless the viewer pans. Below a useful
 * size the player refuses, naming the size it needs. Pure.
 */

export type CastFit =
  /** The terminal holds the recording: played directly (a status row below it when one is spare). */
  | { readonly kind: 'fits'; readonly statusRow: boolean }
  /** A window of `rows` x `cols` onto the recording, between the notice and the status line. */
  | { readonly kind: 'viewport'; readonly rows: number; readonly cols: number }
  | { readonly kind: 'too-small'; readonly sentence: string };

/** The smallest terminal a viewport is worth drawing in. */
export const MIN_VIEWPORT = { cols: 40, rows: 10 } as const;

export function castFit(width: number, height: number, cols: number, rows: number): CastFit {
  if (cols >= width && rows >= height) return { kind: 'fits', statusRow: rows > height };
  if (cols >= MIN_VIEWPORT.cols && rows >= MIN_VIEWPORT.rows) return { kind: 'viewport', rows: rows - 2, cols };
  return {
    kind: 'too-small',
    sentence: `This recording is ${width}x${height}: it needs a terminal of at least ${width}x${height + 1} to play as recorded, or ${MIN_VIEWPORT.cols}x${MIN_VIEWPORT.rows} to play through a viewport; this one is ${cols}x${rows}.`,
  };
}

export interface Window {
  readonly top: number;
  readonly left: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));

/**
 * Moves the window up or down as little as needed to keep the cursor's row in it (inside the
 * screen). Columns stay where they are: lines are read from their start (the viewer pans right).
 */
export function follow(w: Window, cursor: { readonly x: number; readonly y: number }, screen: { readonly cols: number; readonly rows: number }, view: { readonly cols: number; readonly rows: number }): Window {
  let { top } = w;
  if (cursor.y < top) top = cursor.y;
  else if (cursor.y >= top + view.rows) top = cursor.y - view.rows + 1;
  return { top: clamp(top, 0, Math.max(0, screen.rows - view.rows)), left: clamp(w.left, 0, Math.max(0, screen.cols - view.cols)) };
}

/** Pans the window by whole rows or columns, kept inside the screen. */
export function pan(w: Window, dx: number, dy: number, screen: { readonly cols: number; readonly rows: number }, view: { readonly cols: number; readonly rows: number }): Window {
  return { top: clamp(w.top + dy, 0, Math.max(0, screen.rows - view.rows)), left: clamp(w.left + dx, 0, Math.max(0, screen.cols - view.cols)) };
}

/** The notice above the viewport: what is shown of what. */
export function viewportNotice(screen: { readonly cols: number; readonly rows: number }, w: Window, view: { readonly cols: number; readonly rows: number }, following: boolean): string {
  const rows = `rows ${w.top + 1}-${Math.min(screen.rows, w.top + view.rows)}`;
  const cols = `cols ${w.left + 1}-${Math.min(screen.cols, w.left + view.cols)}`;
  return `recorded at ${screen.cols}x${screen.rows}: showing ${rows}, ${cols} · h j k l pan${following ? '' : ' · c follow'}`;
}
