/**
 * The people at the ceremony's keyboard, as the session sees them: the shell in a terminal, or the
 * unattended dry run of --check (and tests). The session decides; the desk shows and asks.
 */
import type { Tone } from '../shell/theme.ts';
import type { Participant } from './script-model.ts';

export type HandOverAnswer = 'ready' | 'skipped';

export interface ReadBackShown {
  readonly step: number;
  readonly label: string;
  readonly vp: string;
  readonly words: readonly string[];
}

export interface CeremonyDesk {
  /**
   * Clears the screen and its scrollback, then asks `to` to take the keyboard. `why`: what they will
   * do. Before a secret ('secret') the hand-over may be skipped; a turn of the script ('turn') may
   * not. Resolves 'ready', 'skipped' (the keyboard was not passed), or null (cancelled).
   */
  handOver(to: Participant, why: string, before: 'secret' | 'turn'): Promise<HandOverAnswer | null>;
  /** Shows a verification pattern as hex and PGP words; the witness confirms it matches what was read aloud. */
  readBack(shown: ReadBackShown, witness: string): Promise<boolean | null>;
  /** A message in the log. */
  say(text: string, tone: Tone): void;
}
