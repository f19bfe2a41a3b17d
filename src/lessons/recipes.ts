/**
 * Command lines with their answers, as lessons use them in setups, solutions and wrong routes. The
 * answers follow the prompts of each command in order (see TKE-REFERENCE.md section 2).
 */
import type { Answer, ScriptLine } from './model.ts';
import { adminPassword, partPassword, partValue, type TrainingAdmin, type TrainingPart } from './training.ts';

const line = (text: string, answers: readonly Answer[] = []): ScriptLine => ({ line: text, answers });

export const selectUnits = (nums: readonly number[]): ScriptLine => line('cryptounit-add', [nums.join(' ')]);
export const unselectUnits = (nums: readonly number[]): ScriptLine => line('cryptounit-rm', [nums.join(' ')]);

export const createSignatureKey = (a: TrainingAdmin): ScriptLine =>
  line('sigkey-add', [a.name, adminPassword(a), adminPassword(a)]);

/** `sigkey-sel` of the given KEYNUMs, each password checked at selection. */
export const selectSigners = (keynums: readonly number[], admins: readonly TrainingAdmin[]): ScriptLine =>
  line('sigkey-sel', [keynums.join(' '), ...admins.map(adminPassword)]);

/**
 * `cryptounit-admin-add` of one KEYNUM: its own password proves possession, then the signatures the
 * selected units need (none in imprint mode).
 */
export const installAdmin = (keynum: number, admin: TrainingAdmin, signers: readonly TrainingAdmin[] = []): ScriptLine =>
  line('cryptounit-admin-add', [String(keynum), adminPassword(admin), ...signers.map(adminPassword)]);

export const setThresholds = (sig: number, rev: number, signers: readonly TrainingAdmin[]): ScriptLine =>
  line('cryptounit-thrhld-set', [String(sig), String(rev), ...signers.map(adminPassword)]);

export const createRandomPart = (p: TrainingPart): ScriptLine =>
  line('mk-add --random', [p.description, partPassword(p), partPassword(p)]);

export const createKnownPart = (p: TrainingPart): ScriptLine =>
  line('mk-add --value', [partValue(p), p.description, partPassword(p), partPassword(p)]);

/** `cryptounit-mk-load`: the KEYNUMs, one signature, then each part's password in the order given. */
export const loadParts = (keynums: readonly number[], signer: TrainingAdmin, parts: readonly TrainingPart[]): ScriptLine =>
  line('cryptounit-mk-load', [keynums.join(' '), adminPassword(signer), ...parts.map(partPassword)]);

export const commit = (signers: readonly TrainingAdmin[]): ScriptLine => line('cryptounit-mk-commit', signers.map(adminPassword));
export const activate = (signer: TrainingAdmin): ScriptLine => line('cryptounit-mk-setimm', ['y', adminPassword(signer)]);
export const clearNew = (signer: TrainingAdmin): ScriptLine => line('cryptounit-mk-clrnew', [adminPassword(signer)]);
export const rotate = (signer: TrainingAdmin): ScriptLine => line('cryptounit-mk-rotate', ['y', adminPassword(signer)]);
export const zeroize = (signer: TrainingAdmin | null): ScriptLine => line('cryptounit-zeroize', ['y', ...(signer ? [adminPassword(signer)] : [])]);
export const compare = (): ScriptLine => line('cryptounit-compare');

/** With an `already` check: hints skip the line once its work is done. */
export const unless = (l: ScriptLine, already: NonNullable<ScriptLine['already']>): ScriptLine => ({ ...l, already });
