/**
 * Training values: the administrators, custodians and passwords every lesson uses. They are public
 * lesson data, shown in hints and briefings, and protect nothing; a real ceremony never writes a
 * password down like this. Each file has its own password, as each custodian would choose.
 */
import { fromHex, verificationPattern, xorParts } from '../core/crypto.ts';
import type { Answer } from './model.ts';

export interface TrainingAdmin {
  readonly name: string;
  readonly password: string;
}

export interface TrainingPart {
  /** The custodian who owns the part. */
  readonly custodian: string;
  readonly description: string;
  readonly password: string;
  /** The part's value (64 hex digits): lessons that need a known master key create parts with it. */
  readonly value: string;
}

export const ALICE: TrainingAdmin = { name: 'Alice', password: 'alice-Train-1' };
export const BOB: TrainingAdmin = { name: 'Bob', password: 'bob-Train-2' };
export const CAROL: TrainingAdmin = { name: 'Carol', password: 'carol-Train-3' };
export const ADMINS: readonly TrainingAdmin[] = [ALICE, BOB, CAROL];

const part = (custodian: string, password: string, value: string): TrainingPart =>
  ({ custodian, description: `part ${custodian}`, password, value });

export const DAVE = part('Dave', 'dave-Part-4', '9197c84b17f78c3108f7834fe6b1ed017ddba1f24631ede5227b456be50cff3e');
export const ERIN = part('Erin', 'erin-Part-5', '9a64d4e488941f58d9014206ed5b6006bf911e58e94723e082cabb555538a42e');
export const FRANK = part('Frank', 'frank-Part-6', '596cec3b7b7ec96d91c3e09d9fc11708dd53447b1eba8b7b7f1f61fbe46a3422');
export const GINA = part('Gina', 'gina-Part-7', 'b5366198b190c080ede14b908e7b30834d8e6739ce206cef6c507c074bcf6aee');
export const HANK = part('Hank', 'hank-Part-8', '14f76446c3237b966c649e50897d175bb1914c95adcd6c69a09bcd73a4725af2');
/** A part from an earlier ceremony, kept in the vault by mistake: loading it is the classic error. */
export const OLD = part('Ivan', 'ivan-Part-9', '7aba1c17e533eb8312f80f30438eace1824f45a1934b4ab3bae8f2a14e9299f7');

/** The password of a signature key, as a training answer. */
export const adminPassword = (a: TrainingAdmin): Answer => ({ training: a.password, what: `password of ${a.name}'s signature key` });
/** The password of a key part file, as a training answer. */
export const partPassword = (p: TrainingPart): Answer => ({ training: p.password, what: `password of ${p.custodian}'s key part` });
/** A part's value typed at `mk-add --value`. */
export const partValue = (p: TrainingPart): Answer => ({ training: p.value, what: `${p.custodian}'s key part value` });

/** The verification pattern of a single part, or of the master key its parts combine into. */
export function expectedVp(parts: readonly TrainingPart[]): string {
  return verificationPattern(xorParts(parts.map((p) => fromHex(p.value))));
}

/** The first 8 hex digits, as the register panel shows a verification pattern. */
export { shortVp } from '../core/state-checks.ts';

/** The lines of the briefing that name who holds which training password. */
export function passwordBriefing(admins: readonly TrainingAdmin[], parts: readonly TrainingPart[] = []): string[] {
  const lines = admins.map((a) => `  ${a.name.padEnd(6)} signature key password: ${a.password}`);
  for (const p of parts) lines.push(`  ${p.custodian.padEnd(6)} key part password:      ${p.password}`);
  return ['Training passwords (lesson data, never do this for real):', ...lines];
}
