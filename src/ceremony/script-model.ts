/**
 * A ceremony script, as data: the world it runs on, the people and their roles, and numbered steps,
 * each with its actor, instruction, expected commands, expected state and read-backs. The YAML
 * reader (script-parse.ts) builds it; nothing here reads files.
 */
import type { WorldShape } from '../core/types.ts';

export type Role = 'ceremony administrator' | 'internal witness' | 'administrator' | 'key part custodian';
export const ROLES: readonly Role[] = ['ceremony administrator', 'internal witness', 'administrator', 'key part custodian'];

export interface Participant {
  readonly name: string;
  readonly roles: readonly Role[];
  /** Administrators: the name their signature key carries (the admin name typed at sigkey-add). */
  readonly signatureKey: string | null;
  /** Custodians: which part they hold (1, 2, 3) and the description of its file. */
  readonly part: { readonly number: number; readonly description: string } | null;
  /** A training password for rehearsals and --check: never shown, recorded or journaled. */
  readonly trainingPassword: string | null;
  /** A training key part value (64 hex digits) for mk-add --value. */
  readonly trainingValue: string | null;
  /** The line that names this participant in the script. */
  readonly line: number;
}

/** The world a ceremony runs on: a fresh seeded world of a shape, or the user's own sandbox. */
export type ScriptWorld =
  | { readonly kind: 'fresh'; readonly seed: string; readonly shape: WorldShape }
  | { readonly kind: 'sandbox' };

/** A command the script expects, with the answers to its questions that are not secret. */
export interface ExpectedCommand {
  readonly line: string;
  /** The TKE command's name (for matching what is typed). */
  readonly command: string;
  readonly answers: readonly string[];
  /** Setup lines only: whose secrets the line's prompts ask for when the prompt does not say. */
  readonly actor: string | null;
  readonly sourceLine: number;
}

export type RegisterName = 'new' | 'current';

/** One word of the declarative state vocabulary, with its value. */
export type StateWord =
  | { readonly word: 'units selected'; readonly units: readonly number[] }
  | { readonly word: 'signature keys'; readonly names: readonly string[] }
  | { readonly word: 'signature keys selected'; readonly names: readonly string[] }
  | { readonly word: 'key parts'; readonly descriptions: readonly string[] }
  | { readonly word: 'admins installed'; readonly names: readonly string[] }
  | { readonly word: 'thresholds'; readonly signature: number; readonly revocation: number }
  | { readonly word: 'mode'; readonly mode: 'imprint' | 'secured' }
  | { readonly word: 'new register'; readonly state: 'Empty' | 'Full Uncommitted' | 'Full Committed' }
  | { readonly word: 'current register'; readonly state: 'Empty' | 'Valid' }
  | { readonly word: 'same vp'; readonly register: RegisterName }
  | { readonly word: 'configured the same' }
  | { readonly word: 'keys readable' }
  | { readonly word: 'current vp as read back'; readonly step: number }
  | { readonly word: 'current vp differs from read back'; readonly step: number };

export type StateWordName = StateWord['word'];

/** An expectation: a state word, on the given units (null: the serving units of the first instance). */
export interface Expectation {
  readonly state: StateWord;
  readonly units: readonly number[] | null;
  readonly line: number;
}

/** A verification pattern to read back aloud. */
export type ReadBackTarget =
  | { readonly kind: 'register'; readonly register: RegisterName; readonly units: readonly number[] | null }
  | { readonly kind: 'key part'; readonly part: number };

export interface Step {
  readonly number: number;
  readonly title: string;
  readonly actor: string;
  readonly instruction: string;
  readonly commands: readonly ExpectedCommand[];
  readonly expect: readonly Expectation[];
  readonly readBack: readonly ReadBackTarget[];
  readonly line: number;
}

export interface CeremonyScript {
  /** The file's base name without extension: where a fresh world lives, the default record name. */
  readonly id: string;
  readonly title: string;
  readonly world: ScriptWorld;
  /** Commands (views) that may be typed at any step without an exception. */
  readonly allowed: readonly string[];
  /** Lines run before the ceremony to build its start state (fresh worlds only). */
  readonly setup: readonly ExpectedCommand[];
  readonly participants: readonly Participant[];
  readonly steps: readonly Step[];
}

export const hasRole = (p: Participant, role: Role): boolean => p.roles.includes(role);

export function participant(script: CeremonyScript, name: string): Participant | undefined {
  return script.participants.find((p) => p.name === name);
}

export function withRole(script: CeremonyScript, role: Role): Participant[] {
  return script.participants.filter((p) => hasRole(p, role));
}

/** "Bob, custodian of part 2", "Alice, administrator", "Olivia, ceremony administrator". */
export function describe(p: Participant): string {
  const roles = p.roles.map((r) => (r === 'key part custodian' && p.part ? `custodian of part ${p.part.number}` : r));
  return `${p.name}, ${roles.join(' and ')}`;
}

/** The names the ceremony administrator and the witness go by in messages. */
export function leads(script: CeremonyScript): { readonly administrator: string; readonly witness: string } {
  return {
    administrator: withRole(script, 'ceremony administrator')[0]?.name ?? 'the ceremony administrator',
    witness: withRole(script, 'internal witness')[0]?.name ?? 'the witness',
  };
}
