/**
 * The ceremony's desk in the shell: hand-overs clear the screen, its scrollback and the shell's log
 * before the next person sits down, so that nobody sees what the previous one typed; read-backs show
 * a verification pattern as hex and PGP words and ask the witness to confirm it.
 */
import type { ShellController } from '../shell/controller.ts';
import type { CeremonyDesk, HandOverAnswer, ReadBackShown } from './desk.ts';
import { groupedHex, wordLines } from './pgp-words.ts';
import type { Participant } from './script-model.ts';

/** Home, clear the screen, clear the scrollback. */
export const CLEAR_SCREEN = '\u001b[H\u001b[2J\u001b[3J';

/** Long enough for the shell to draw a frame without the cleared log (its frame rate is 60 per second). */
const FRAME_MS = 50;
const settle = () => new Promise<void>((r) => setTimeout(r, FRAME_MS));

export class ShellDesk implements CeremonyDesk {
  constructor(
    /** The shell's controller (it exists once the shell starts). */
    readonly shell: () => ShellController,
    /** Clears the terminal (the real one; a test may pass its own). */
    readonly clearScreen: () => void = () => {
      if (process.stdout.isTTY) process.stdout.write(CLEAR_SCREEN);
    },
  ) {}

  /** Nothing of the previous person stays: the log is emptied first, then the terminal and its scrollback. */
  get controller(): ShellController {
    return this.shell();
  }

  async clear(): Promise<void> {
    this.controller.clearLog();
    await settle();
    this.clearScreen();
    await settle();
  }

  async handOver(to: Participant, why: string, before: 'secret' | 'turn'): Promise<HandOverAnswer | null> {
    // The panel shows the state as it is now (a command may still be running).
    await this.controller.refresh().catch(() => undefined);
    await this.clear();
    this.controller.log(`──── hand-over ────\nPass the keyboard to ${why}.`, 'normal');
    if (before === 'secret') this.controller.log(`(If ${to.name} does not take the keyboard, type skip: the witness records it as an exception.)`, 'muted');
    for (;;) {
      // Masked, in case someone types a password here by mistake: it is neither shown nor kept.
      const answer = await this.controller.io.ask({ kind: 'secret', label: 'password', prompt: `${to.name}: press Enter when ready.` });
      if (answer === null) return null;
      const text = answer.trim().toLowerCase();
      if (text === '') return 'ready';
      if (text === 'skip' && before === 'secret') return 'skipped';
      this.controller.log(`Only Enter${before === 'secret' ? ' (or skip)' : ''} is expected here; what was typed is not shown or kept.`, 'error');
    }
  }

  async readBack(shown: ReadBackShown, witness: string): Promise<boolean | null> {
    this.controller.log([
      `Read-back (step ${shown.step}): ${shown.label}`,
      `  hex:   ${groupedHex(shown.vp)}`,
      '  words:',
      // Six words a line fit 80 columns whatever the words.
      ...wordLines(shown.words, 6).map((l) => `    ${l}`),
    ].join('\n'), 'normal');
    const answer = await this.controller.io.ask({
      kind: 'confirm',
      prompt: `Witness ${witness}: have it read aloud, word by word, and compare it with the panel. Does it match?\nAnswer [y/N]:`,
    });
    return answer === null ? null : /^y(es)?$/i.test(answer.trim());
  }

  say(text: string, tone: Parameters<CeremonyDesk['say']>[1]): void {
    this.controller.log(text, tone);
  }
}
