/**
 * The words a shell handles itself, registered by its plug-ins ("hint", "record start"): one or two
 * words, found before the engine sees the line, and "did you mean" for a mistyped one.
 */
import { nearWords } from '../core/near-words.ts';
import { PANEL_WORD } from './panel-view.ts';
import type { Builtin } from './shell-session.ts';

export class ShellWords {
  #handlers = new Map<string, Builtin>();

  register(words: string, handler: Builtin): void {
    this.#handlers.set(words, handler);
  }

  has(words: string): boolean {
    return this.#handlers.has(words);
  }

  get words(): readonly string[] {
    return [...this.#handlers.keys()];
  }

  /** The handler for a line, with the rest of it; `tkesim learn 3` is the shell's own `learn 3`. */
  find(line: string): { handler: Builtin; rest: string } | null {
    const w = line.split(/\s+/).filter((x, i) => !(i === 0 && x === 'tkesim'));
    for (const n of [2, 1]) {
      const handler = this.#handlers.get(w.slice(0, n).join(' '));
      if (handler && w.length >= n) return { handler, rest: w.slice(n).join(' ') };
    }
    return null;
  }

  /** The shell words near a mistyped first word ("hnt" -> hint), with the fixed ones (exit, clear, panel). */
  near(line: string): string[] {
    const first = line.split(/\s+/)[0] ?? '';
    const words = [...new Set([...this.words.map((w) => w.split(' ')[0] ?? w), 'exit', 'clear', PANEL_WORD])];
    return nearWords(first, words);
  }
}
