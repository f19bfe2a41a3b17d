/**
 * The data an exported page carries (as JSON inside the page) and its player reads: every frame of
 * the recording with its transcript, its mark, and the register panel laid out from its recorded
 * view. Types only: shared by the export (Node) and the player (the browser).
 */

export type PageTone = 'normal' | 'error' | 'ok' | 'muted';
export type PageMark = 'ok' | 'mistake' | 'integrity' | 'other';
export type PageRole = 'plain' | 'heading' | 'differs' | 'selected' | 'muted';

export interface PageSegment {
  readonly text: string;
  readonly role: PageRole;
  /** This field changed with the frame's command. */
  readonly changed: boolean;
}

export interface PagePanel {
  /** The status line (region, instance, units, signature keys). */
  readonly status: string;
  readonly seeded: boolean;
  readonly lines: readonly (readonly PageSegment[])[];
  /** What the command changed, in one line. */
  readonly summary: string;
}

export interface PageFrame {
  /** 0 is the start. */
  readonly index: number;
  /** The journal's step number (0 for the start). */
  readonly step: number;
  readonly label: string;
  readonly kind: 'start' | 'command' | 'rewind' | 'restart';
  readonly status: string | null;
  readonly mark: PageMark;
  /** Seconds since the start of the recording. */
  readonly start: number;
  readonly end: number;
  readonly items: readonly { readonly text: string; readonly tone: PageTone }[];
  /** Index into `panels` (frames with the same panel share one). */
  readonly panel: number;
  readonly problems: readonly string[];
}

export interface PageData {
  readonly title: string;
  readonly trainee: string;
  readonly frames: readonly PageFrame[];
  readonly panels: readonly PagePanel[];
  readonly integrity: readonly string[];
}

/** The id of the element that holds the data, and of the element the player draws into. */
export const DATA_ID = 'tkesim-data';
