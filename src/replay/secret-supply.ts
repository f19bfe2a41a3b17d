/**
 * Secret answers for a replay, which the journal never holds: a demo's training value when the
 * placeholder names one, else a stand-in per slot (the same stand-in wherever the recording typed
 * the same secret, so a mistyped password still fails). A stand-in password reproduces the world
 * exactly (passwords only protect workstation files); a stand-in key part value changes the master
 * key, which the replay reports as a digest that differs from the recording.
 */
import { createHash } from 'node:crypto';
import type { Journal, JournalAnswer } from '../journal/journal-format.ts';

type SecretAnswer = Extract<JournalAnswer, { kind: 'secret' }>;

export interface StandIn {
  readonly slot: number;
  readonly value: string;
  /** Where the recording first typed it. */
  readonly step: number;
  readonly line: string;
  readonly prompt: string;
}

export interface SecretSupply {
  valueFor(answer: SecretAnswer): string | null;
  /** Stand-ins in use (not training values): a take-over lists them, so files can be opened. */
  readonly standIns: readonly StandIn[];
}

export function standInPassword(slot: number): string {
  return `replay-${slot}`;
}

export function standInKeyPart(slot: number): string {
  return createHash('sha256').update(`tkesim replay key part ${slot}`).digest('hex');
}

/**
 * Secrets a stand-in cannot replace: a password first used to open a file that was there before
 * the recording (or mistyped), and key part values. A replay in a terminal asks for these.
 */
export function secretsToAsk(journal: Journal, training: ReadonlyMap<string, string> = new Map()): StandIn[] {
  const seen = new Set<number>();
  const out: StandIn[] = [];
  for (const entry of journal.entries) {
    if (entry.type !== 'command') continue;
    for (const a of entry.answers) {
      if (a.kind !== 'secret' || a.slot === null || a.slot === 0 || seen.has(a.slot)) continue;
      seen.add(a.slot);
      const known = a.training !== undefined && training.has(a.training);
      if (!known && (a.label === 'password' || a.label === 'key part value')) {
        out.push({ slot: a.slot, value: '', step: entry.step, line: entry.line, prompt: a.prompt.split('\n')[0] ?? '' });
      }
    }
  }
  return out;
}

/** `given`: values typed by the viewer for some slots (they take precedence). */
export function secretSupply(journal: Journal, training: ReadonlyMap<string, string> = new Map(), given: ReadonlyMap<number, string> = new Map()): SecretSupply {
  const bySlot = new Map<number, string>(given);
  const standIns: StandIn[] = [];
  for (const entry of journal.entries) {
    if (entry.type !== 'command') continue;
    for (const a of entry.answers) {
      if (a.kind !== 'secret' || a.slot === null || a.slot === 0 || bySlot.has(a.slot)) continue;
      const known = a.training === undefined ? undefined : training.get(a.training);
      if (known !== undefined) {
        bySlot.set(a.slot, known);
        continue;
      }
      const value = a.label === 'key part value' ? standInKeyPart(a.slot) : standInPassword(a.slot);
      bySlot.set(a.slot, value);
      standIns.push({ slot: a.slot, value, step: entry.step, line: entry.line, prompt: a.prompt.split('\n')[0] ?? '' });
    }
  }
  return {
    standIns,
    valueFor(a) {
      if (a.slot === null) return null;
      if (a.slot === 0) return '';
      return bySlot.get(a.slot) ?? standInPassword(a.slot);
    },
  };
}
