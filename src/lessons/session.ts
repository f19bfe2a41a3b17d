/**
 * One lesson attempt on its own world in its own directory: builds the start state through the
 * engine, runs lines, checks the step goals after every command, and keeps the score.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CATALOGUE } from '../commands/help.ts';
import type { TkeCommand } from '../commands/command.ts';
import { createContext, type Paths } from '../engine/context.ts';
import type { Io } from '../engine/io.ts';
import { usage, type Outcome } from '../engine/outcome.ts';
import { stripPrefix, words } from '../engine/parse.ts';
import { printOutcome, runLine } from '../engine/run.ts';
import type { LastCommand } from './explain.ts';
import { lessonDamage, RESET_ADVICE } from './damage.ts';
import { hintText, nextTier } from './hints.ts';
import { PasswordLedger, signerPartBreaches, worldBreaches } from '../journal/hygiene.ts';
import { advance, solutionLines, type Lesson, type LessonState } from './model.ts';
import { EMPTY_ATTEMPT, VIEW_COMMANDS, addBreach, classify, countCommand, score, type Attempt, type HintTier, type Score } from '../journal/scoring.ts';
import { scriptedIo } from './script-io.ts';
import { readLessonState } from './state.ts';

export type LessonEvent =
  | { readonly kind: 'step'; readonly index: number }
  | { readonly kind: 'complete'; readonly score: Score }
  | { readonly kind: 'breach'; readonly text: string }
  /** A new hint tier was revealed for step `step` (1-based): it costs points. */
  | { readonly kind: 'hint'; readonly step: number; readonly tier: HintTier }
  | { readonly kind: 'solution' };

/** Commands that would replace the lesson's world: `reset` restarts a lesson instead. */
const BLOCKED = new Set(['sim init', 'sim reset', 'sim resend']);

export function commandOf(line: string): TkeCommand | null {
  const w = words(line);
  return w === null ? null : (CATALOGUE.lookup(stripPrefix(w))?.command ?? null);
}

/** The environment of a lesson world: its own home and seed; nothing of the user's sandbox. */
export function lessonEnv(env: NodeJS.ProcessEnv, dir: string, seed: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, TKESIM_HOME: dir, TKESIM_SEED: seed };
  delete out.CLOUDTKEFILES;
  delete out.TKESIM_WIRE_LOG;
  return out;
}

/**
 * The files a setup creates are protected by published training passwords, so the slow password
 * KDF buys nothing there: setups create them at the lowest scrypt cost, and start in a moment.
 * Files the trainee creates keep the normal cost.
 */
async function withCheapKdf<T>(fn: () => Promise<T>): Promise<T> {
  const saved = process.env.TKESIM_SCRYPT_N;
  process.env.TKESIM_SCRYPT_N = SETUP_SCRYPT_N;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.TKESIM_SCRYPT_N;
    else process.env.TKESIM_SCRYPT_N = saved;
  }
}

const SETUP_SCRYPT_N = '1024';

export class LessonSession {
  readonly env: NodeJS.ProcessEnv;
  readonly paths: Paths;
  /** Commands of the reference solution that count (views are free). */
  readonly solutionCommands: number;
  #state: LessonState | null = null;
  #completed = 0;
  #attempt: Attempt = EMPTY_ATTEMPT;
  #hintTier: HintTier | 0 = 0;
  #last: LastCommand | null = null;
  #score: Score | null = null;
  #ledger = new PasswordLedger();
  readonly #listeners = new Set<(e: LessonEvent) => void>();

  constructor(readonly lesson: Lesson, readonly number: number, readonly dir: string, env: NodeJS.ProcessEnv) {
    this.env = lessonEnv(env, dir, lesson.seed);
    this.paths = { home: resolve(dir), tkeFiles: join(resolve(dir), 'tkefiles') };
    this.solutionCommands = solutionLines(lesson).filter((l) => !VIEW_COMMANDS.has(commandOf(l.line)?.name ?? '')).length;
  }

  get state(): LessonState | null { return this.#state; }
  get completed(): number { return this.#completed; }
  get attempt(): Attempt { return this.#attempt; }
  get last(): LastCommand | null { return this.#last; }
  get score(): Score | null { return this.#score; }
  get hintTier(): HintTier | 0 { return this.#hintTier; }
  get finished(): boolean { return this.#completed >= this.lesson.steps.length; }

  onEvent(listener: (e: LessonEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(e: LessonEvent): void {
    for (const l of this.#listeners) l(e);
  }

  /** A fresh start state: the directory emptied, the seeded world provisioned, the setup run. */
  async prepare(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.paths.tkeFiles, { recursive: true, mode: 0o700 });
    this.#state = null;
    this.#completed = 0;
    this.#attempt = EMPTY_ATTEMPT;
    this.#hintTier = 0;
    this.#last = null;
    this.#score = null;
    this.#ledger = new PasswordLedger();
    const s = this.lesson.shape;
    const init = `sim init --yes --seed ${this.lesson.seed} --instances ${s.instances} --units ${s.units} --recovery ${s.recovery} --failover ${s.failover} --region ${s.region}`;
    await withCheapKdf(async () => {
      for (const step of [{ line: init, answers: [] }, ...this.lesson.setup]) {
        const printed: string[] = [];
        const outcome = await this.#run(step.line, scriptedIo(step.answers, (t) => printed.push(t)));
        if (outcome.status !== 'ok') throw new Error(`lesson ${this.lesson.id}: setup line "${step.line}" ended ${outcome.status}:\n${printed.join('\n')}`);
      }
    });
    this.#state = await this.#read();
    this.#completed = advance(this.lesson, 0, this.#state);
  }

  async #read(): Promise<LessonState> {
    const world = await createContext(scriptedIo([]), this.env, this.paths).world();
    return readLessonState(world, this.paths.tkeFiles);
  }

  /** Runs a line in the engine, noting which passwords protect new files (as keyed hashes only). */
  async #run(line: string, io: Io): Promise<Outcome> {
    const created: { fingerprint: string; owner: string }[] = [];
    let lastText = '';
    const watched: Io = {
      print: (t) => io.print(t),
      progress: (p) => io.progress?.(p),
      ask: async (q) => {
        const answer = await io.ask(q);
        if (answer !== null && q.kind === 'text') lastText = answer.trim();
        if (answer !== null && q.kind === 'secret' && q.label === 'new password') {
          const owner = q.prompt.includes('signature key') ? `${lastText}'s signature key` : `the key part "${lastText}"`;
          created.push({ fingerprint: this.#ledger.fingerprint(answer), owner });
        }
        return answer;
      },
    };
    const outcome = await runLine(createContext(watched, this.env, this.paths), line, CATALOGUE);
    if (outcome.status === 'ok') {
      for (const c of created) {
        const breach = this.#ledger.record(c.fingerprint, c.owner);
        if (breach && this.#state) this.#breach(breach);
      }
    }
    return outcome;
  }

  #breach(text: string): void {
    if (this.#score || this.#attempt.breaches.includes(text)) return;
    this.#attempt = addBreach(this.#attempt, text);
    this.#emit({ kind: 'breach', text });
  }

  /** A trainee's line (or one of a played solution): run, then check the goals. */
  async run(line: string, io: Io): Promise<Outcome> {
    const command = commandOf(line);
    if (command && BLOCKED.has(command.name)) {
      const o = usage(`${command.name} is not available in a lesson: its world is prepared for it. Type "reset" to start the lesson again, or "exit lesson" to leave it.`);
      printOutcome(createContext(io, this.env, this.paths), o);
      return o;
    }
    const before = this.#state ?? (await this.#read());
    const outcome = await this.#run(line, io);
    const after = await this.#read();
    this.#state = after;
    this.#last = { line, command: command ? { name: command.name, summary: command.summary, details: command.details } : null, outcome, before, after };
    if (!this.#score) this.#attempt = countCommand(this.#attempt, command?.name ?? null, classify(outcome));
    for (const b of worldBreaches(before.world, after.world, this.lesson.dualControl)) this.#breach(b);
    for (const b of signerPartBreaches(after.workstation)) this.#breach(b);
    const was = this.#completed;
    this.#completed = advance(this.lesson, was, after);
    if (this.#completed > was) this.#hintTier = 0;
    for (let i = was; i < this.#completed; i++) this.#emit({ kind: 'step', index: i });
    if (this.finished && !this.#score) {
      this.#score = score(this.#attempt, this.solutionCommands);
      this.#emit({ kind: 'complete', score: this.#score });
    }
    return outcome;
  }

  /** The next hint tier for the current step (revealing a new tier costs points). */
  hint(): string {
    const step = this.lesson.steps[this.#completed];
    if (!step || !this.#state) return 'The lesson is complete: there is nothing left to hint. Type "lessons" for the next one.';
    // A command that worked but destroyed what the lesson needs: say so, and suggest reset.
    const damage = lessonDamage(this.#state.world);
    if (damage) return `${damage}\n${RESET_ADVICE}`;
    const tier = nextTier(this.#hintTier);
    if (tier !== this.#hintTier && !this.#score) {
      this.#attempt = { ...this.#attempt, hints: [...this.#attempt.hints, tier] };
      this.#emit({ kind: 'hint', step: this.#completed + 1, tier });
    }
    this.#hintTier = tier;
    return hintText(step, this.#completed + 1, tier, this.#state);
  }

  /** The solution is about to be played: this attempt scores 0. */
  markSolutionPlayed(): void {
    this.#attempt = { ...this.#attempt, solutionPlayed: true };
    this.#emit({ kind: 'solution' });
  }
}
