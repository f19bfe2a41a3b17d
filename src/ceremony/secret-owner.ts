/**
 * Whose secret a question asks for, so that the right person takes the keyboard: the signature key
 * named in the prompt, the KEYNUM chosen earlier in the dialog, the key part file's description, or
 * the step's actor when the prompt does not say. Follows one command's dialog; never sees a secret.
 */
import type { WorkstationFacts } from '../core/state-checks.ts';
import type { Question } from '../engine/io.ts';
import { hasRole, type CeremonyScript, type Participant } from './script-model.ts';

const SIGNING = /identified by:\n(.+) \([0-9a-f]{30}\.\.\.\)/;
const SELECT_KEYNUM = /^Enter the password for KEYNUM (\d+):/;
const ADMIN_FILE = /^Enter the password for the administrator signature key file:/;
const NEW_SIGNATURE_KEY = /^Enter a password to protect the signature key:/;
const NEW_KEY_PART = /^Enter a password to protect the key part:/;
const CONFIRM = /^Re-enter the password to confirm:/;
const PART_VALUE = /^Enter the key part value:/;
const PART_FILE = /^Enter the password for key file (\d+)/;
const ADMIN_KEYNUM = /KEYNUM of the administrator signature key/;
const PART_KEYNUMS = /KEYNUM values of the master key parts/;

export class DialogTracker {
  readonly #texts: string[] = [];
  #adminKeynum: string | null;
  #partKeynums: readonly string[];
  #last: Participant | null = null;

  constructor(
    readonly script: CeremonyScript,
    readonly facts: WorkstationFacts,
    /** The command's name and positionals (pre-answers). */
    command: string,
    positionals: readonly string[],
    readonly actor: Participant | null,
  ) {
    this.#adminKeynum = command === 'cryptounit-admin-add' ? (positionals[0] ?? null) : null;
    this.#partKeynums = command === 'cryptounit-mk-load' ? positionals : [];
  }

  /** A text answer was given (KEYNUMs, names, descriptions). */
  answered(question: Question, value: string): void {
    if (question.kind !== 'text') return;
    this.#texts.push(value.trim());
    if (ADMIN_KEYNUM.test(question.prompt)) this.#adminKeynum = value.trim();
    if (PART_KEYNUMS.test(question.prompt)) this.#partKeynums = value.trim().split(/[\s,]+/).filter((w) => w !== '');
  }

  #admin(keyName: string | undefined): Participant | null {
    return this.script.participants.find((p) => hasRole(p, 'administrator') && p.signatureKey === keyName) ?? null;
  }

  #adminByKeynum(keynum: string | null | undefined): Participant | null {
    return this.#admin(this.facts.signatureKeys.find((k) => String(k.keynum) === keynum)?.name);
  }

  /** The custodian of a part file: by its description, or (a file from an earlier ceremony) by the one custodian it names. */
  #custodian(description: string | undefined): Participant | null {
    if (description === undefined) return null;
    const custodians = this.script.participants.filter((p) => p.part !== null);
    const exact = custodians.find((p) => p.part?.description === description);
    if (exact) return exact;
    const named = custodians.filter((p) => new RegExp(`(^|\\W)${p.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\W|$)`).test(description));
    return named.length === 1 ? (named[0] ?? null) : null;
  }

  /** Who must type the answer to this secret question (null: nobody in particular). */
  ownerOf(question: Extract<Question, { kind: 'secret' }>): Participant | null {
    const owner = this.#resolve(question.prompt);
    this.#last = owner;
    return owner;
  }

  #resolve(prompt: string): Participant | null {
    const last = this.#texts[this.#texts.length - 1];
    const signing = SIGNING.exec(prompt);
    if (signing) return this.#admin(signing[1]);
    const keynum = SELECT_KEYNUM.exec(prompt);
    if (keynum) return this.#adminByKeynum(keynum[1]);
    if (ADMIN_FILE.test(prompt)) return this.#adminByKeynum(this.#adminKeynum);
    if (NEW_SIGNATURE_KEY.test(prompt)) return this.#admin(last) ?? this.actor;
    if (NEW_KEY_PART.test(prompt)) return this.#custodian(last) ?? this.actor;
    if (CONFIRM.test(prompt)) return this.#last;
    if (PART_VALUE.test(prompt)) return this.actor;
    const file = PART_FILE.exec(prompt);
    if (file) {
      const keynum = this.#partKeynums[Number(file[1]) - 1];
      return this.#custodian(this.facts.keyParts.find((p) => String(p.keynum) === keynum)?.description) ?? this.actor;
    }
    return this.actor;
  }
}

/** The training answer a dry run gives to a secret question, from its owner's training values. */
export function trainingSecret(question: Extract<Question, { kind: 'secret' }>, owner: Participant | null): string | null {
  if (!owner) return null;
  return question.label === 'key part value' ? owner.trainingValue : owner.trainingPassword;
}
