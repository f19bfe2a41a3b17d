/**
 * The engine a shell runs lines on, with its decorators: a lesson or a replay swaps the engine
 * underneath, and the wrappers (a recorder journals every line) stay on whichever engine is current.
 */
import type { EngineWrapper, ShellEngine } from './shell-session.ts';

export class EngineStack {
  #base: ShellEngine;
  #wrappers: EngineWrapper[] = [];
  #current: ShellEngine;

  constructor(engine: ShellEngine) {
    this.#base = engine;
    this.#current = engine;
  }

  /** The engine with every wrapper on: what lines run on. */
  get current(): ShellEngine {
    return this.#current;
  }

  /** The engine as given (without wrappers): what a recorder snapshots. */
  get base(): ShellEngine {
    return this.#base;
  }

  replace(engine: ShellEngine): void {
    this.#base = engine;
    this.#rewrap();
  }

  /** Wraps the current engine and every later one, until the returned function removes it. */
  add(wrapper: EngineWrapper): () => void {
    this.#wrappers.push(wrapper);
    this.#rewrap();
    return () => {
      this.#wrappers = this.#wrappers.filter((w) => w !== wrapper);
      this.#rewrap();
    };
  }

  #rewrap(): void {
    this.#current = this.#wrappers.reduce((e, w) => w(e), this.#base);
  }
}
