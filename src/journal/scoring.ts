/**
 * Scoring a lesson attempt: commands used against the reference solution, refusals, wrong
 * passwords, hints, and ceremony-hygiene breaches. Pure: the session feeds it what happened. Shared
 * by the lessons (live) and the review (from a recording), so both score by the same rules.
 */
import type { Outcome } from '../engine/outcome.ts';

export type HintTier = 1 | 2 | 3;

export interface Attempt {
  /** Commands that change something (views and help are free), whatever their outcome. */
  readonly commands: number;
  readonly refusals: number;
  readonly wrongPasswords: number;
  /** Hint tiers revealed, one entry per newly revealed tier. */
  readonly hints: readonly HintTier[];
  /** Hygiene breaches, each described once. */
  readonly breaches: readonly string[];
  readonly solutionPlayed: boolean;
}

export const EMPTY_ATTEMPT: Attempt = { commands: 0, refusals: 0, wrongPasswords: 0, hints: [], breaches: [], solutionPlayed: false };

export interface Deduction {
  readonly points: number;
  /** What happened, in a few words. */
  readonly what: string;
  /** What to do better next time. */
  readonly tip: string;
}

export interface Score {
  /** 0..100. */
  readonly points: number;
  readonly deductions: readonly Deduction[];
}

export const HINT_COST: Readonly<Record<HintTier, number>> = { 1: 2, 2: 3, 3: 5 };
const EXTRA_COMMAND_COST = 2;
const EXTRA_COMMAND_CAP = 20;
const REFUSAL_COST = 5;
const WRONG_PASSWORD_COST = 3;
const BREACH_COST = 15;

/** Commands that only show things: they never cost points. */
export const VIEW_COMMANDS: ReadonlySet<string> = new Set([
  'sigkeys', 'mks', 'cryptounits', 'cryptounit-compare', 'cryptounit-admins', 'cryptounit-thrhlds', 'cryptounit-mk',
  'help', 'sim status', 'sim keys check',
]);

export type OutcomeKind = 'ok' | 'refusal' | 'wrong-password' | 'failed' | 'usage' | 'cancelled';

const WRONG_PASSWORD = /\bpassword for .* is not valid\b/;
const PRE_CHECK = /pre-check failed/;

/** An outcome as it happened or as a journal keeps it (`error`: a bug ended the command). */
export interface ClassifiedOutcome {
  readonly status: Outcome['status'] | 'error';
  readonly message?: string;
  readonly refusal?: object;
}

/** What an outcome counts as: a unit's refusal (or a pre-check's), a wrong password, another failure. */
export function classify(o: ClassifiedOutcome): OutcomeKind {
  switch (o.status) {
    case 'ok': return 'ok';
    case 'usage': return 'usage';
    case 'cancelled': return 'cancelled';
    case 'error': return 'failed';
    case 'failed': {
      const message = o.message ?? '';
      if (o.refusal || PRE_CHECK.test(message)) return 'refusal';
      return WRONG_PASSWORD.test(message) ? 'wrong-password' : 'failed';
    }
  }
}

export function countCommand(a: Attempt, command: string | null, kind: OutcomeKind): Attempt {
  const counted = command !== null && !VIEW_COMMANDS.has(command);
  return {
    ...a,
    commands: a.commands + (counted ? 1 : 0),
    refusals: a.refusals + (kind === 'refusal' ? 1 : 0),
    wrongPasswords: a.wrongPasswords + (kind === 'wrong-password' ? 1 : 0),
  };
}

export function addBreach(a: Attempt, breach: string): Attempt {
  return a.breaches.includes(breach) ? a : { ...a, breaches: [...a.breaches, breach] };
}

/** How a breach of separated duties begins (hygiene.ts words it; the tip above matches it). */
export const SIGNER_PART = 'a signer also holds a key part';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function score(a: Attempt, solutionCommands: number): Score {
  if (a.solutionPlayed) {
    return { points: 0, deductions: [{ points: 100, what: 'the reference solution was played', tip: 'Try the lesson again on your own (reset); use hint when stuck.' }] };
  }
  const d: Deduction[] = [];
  const extra = a.commands - solutionCommands;
  if (extra > 0) {
    d.push({
      points: Math.min(EXTRA_COMMAND_CAP, extra * EXTRA_COMMAND_COST),
      what: `${plural(a.commands, 'command')} where the reference solution uses ${solutionCommands}`,
      tip: 'Plan each step before typing: goal shows what is missing, and the views (cryptounit-compare, mks, sigkeys) are free.',
    });
  }
  if (a.refusals > 0) {
    d.push({ points: a.refusals * REFUSAL_COST, what: plural(a.refusals, 'refusal'), tip: 'After a refusal, type explain: it says why the unit refused and what to do next, before you retry.' });
  }
  if (a.wrongPasswords > 0) {
    d.push({ points: a.wrongPasswords * WRONG_PASSWORD_COST, what: plural(a.wrongPasswords, 'wrong password'), tip: 'Check which key or part a prompt names before typing its password; in a real ceremony, its owner types it.' });
  }
  const hintPoints = a.hints.reduce((n, t) => n + HINT_COST[t], 0);
  if (hintPoints > 0) {
    d.push({ points: hintPoints, what: plural(a.hints.length, 'hint'), tip: 'Read the step\'s "why" in the panel first; the first hint tier is cheaper than the exact answers.' });
  }
  for (const breach of a.breaches) {
    d.push({ points: BREACH_COST, what: `hygiene: ${breach}`, tip: hygieneTip(breach) });
  }
  const total = d.reduce((n, x) => n + x.points, 0);
  return { points: Math.max(0, 100 - total), deductions: d };
}

function hygieneTip(breach: string): string {
  if (breach.includes('same password')) return 'Every custodian and administrator chooses their own password: one person must never be able to open two files.';
  if (breach.includes('threshold of 1')) return 'Use thresholds of 2 or more (dual control): no single administrator should be able to act alone.';
  if (breach.includes('unreadable')) return 'With keys in storage, change the master key with cryptounit-mk-rotate, never with set immediate.';
  if (breach.startsWith(SIGNER_PART)) return 'Give each key part to a custodian who is not an administrator: nobody should both sign commands and hold a part of the master key.';
  return 'Follow the ceremony\'s rules even in training.';
}

/** The end-of-lesson summary: score, best, and what to improve. */
export function summaryLines(s: Score, best: number | null): string[] {
  const lines = [`Score: ${s.points}/100${best !== null ? ` (best ${Math.max(best, s.points)})` : ''}`];
  if (s.deductions.length === 0) return [...lines, 'A clean run: the fewest commands, no refusal, no hint, no hygiene breach.'];
  lines.push('What to improve:');
  for (const x of s.deductions) lines.push(`  -${x.points}  ${x.what}. ${x.tip}`);
  return lines;
}
