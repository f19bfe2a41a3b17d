/** `explain`: why the last command did what it did, or what a refusal code means. Pure. */
import { REFUSALS, type RefusalCode } from '../core/refusal.ts';
import { ROTATION_PROBLEMS, type RotationProblem } from '../core/rotation.ts';
import type { Outcome } from '../engine/outcome.ts';
import { describeChanges, summarizeChanges } from '../shell/describe-changes.ts';
import { REFUSAL_EXPLANATIONS, ROTATION_EXPLANATIONS, referenceCode, type Explanation } from './explain-codes.ts';
import { lessonDamage, RESET_ADVICE } from './damage.ts';
import type { LessonState, WorkstationFacts } from './model.ts';

export interface LastCommand {
  readonly line: string;
  /** The command's name and what it does, when the line named one. */
  readonly command: { readonly name: string; readonly summary: string; readonly details: string } | null;
  readonly outcome: Outcome;
  readonly before: LessonState;
  readonly after: LessonState;
}

const isRefusalCode = (s: string): s is RefusalCode => Object.hasOwn(REFUSALS, s);
const isRotationProblem = (s: string): s is RotationProblem => Object.hasOwn(ROTATION_PROBLEMS, s);

const block = (head: string, x: Explanation): string => [head, `  Why:  ${x.why}`, `  Next: ${x.next}`].join('\n');

/** Failures decided at the workstation, before anything reaches a unit. */
const WORKSTATION_FAILURES: readonly [RegExp, Explanation][] = [
  [/password for .* is not valid/, { why: 'The password did not open the file it protects. The check happens on the workstation, so nothing was sent to the crypto units.', next: 'Read which key or part the prompt names, and type that owner\'s password (the lesson briefing lists the training values).' }],
  [/passwords do not match/, { why: 'The confirmation differed from the first password, so no file was created.', next: 'Run the command again and type the same password twice.' }],
  [/No crypto units are selected/, { why: 'Crypto unit commands act on the selected units, and none is selected.', next: 'Select units with cryptounit-add.' }],
  [/At least 2 master key parts/, { why: 'A master key is combined from 2 or 3 parts.', next: 'Create the parts first with mk-add --random (or --value).' }],
  [/no signature key/i, { why: 'There is no signature key file on this workstation yet.', next: 'Create one with sigkey-add.' }],
  [/deprecated/, { why: 'cryptounit-exit-impr was replaced: units leave imprint mode when their thresholds are set.', next: 'Use cryptounit-thrhld-set.' }],
  [/is not a valid|values must be specified|was entered twice|No .* was entered/, { why: 'An answer was not one of the values the prompt accepts, so the command stopped without changing anything.', next: 'Run it again and answer with numbers from the table the command prints.' }],
  [/must be exactly 64 hexadecimal/, { why: 'A key part value is 32 bytes, written as 64 hexadecimal digits.', next: 'Run mk-add --value again and type all 64 digits.' }],
  [/description must be|name can be at most|name cannot/, { why: 'Names and descriptions have length and character limits.', next: 'Run the command again with a shorter, printable text.' }],
];

function explainFailure(o: Extract<Outcome, { status: 'failed' }>): string {
  if (o.refusal) {
    const r = o.refusal;
    const codes = r.returnCode === null ? 'a refusal of the unit' : `return code ${r.returnCode}${r.reasonCode === null ? '' : `, reason code ${r.reasonCode}`}`;
    const who = r.unit === undefined ? 'refused' : `refused by crypto unit ${r.unit}`;
    return block(`FAILED: ${who} (${codes}): ${r.message}`, REFUSAL_EXPLANATIONS[r.code]);
  }
  const problem = Object.keys(ROTATION_PROBLEMS).filter(isRotationProblem).find((p) => o.message.includes(ROTATION_PROBLEMS[p]));
  if (problem) return block(`FAILED: the rotation pre-check stopped it: ${ROTATION_PROBLEMS[problem]}`, ROTATION_EXPLANATIONS[problem]);
  const first = o.message.replace(/^FAILED\n/, '').split('\n')[0] ?? '';
  const known = WORKSTATION_FAILURES.find(([re]) => re.test(o.message));
  return block(`FAILED on the workstation: ${first}`, known?.[1] ?? { why: 'The command stopped before it reached the crypto units; nothing was changed.', next: 'Read the message above, fix the cause, and run the command again (help <command> shows what it asks).' });
}

function workstationChanges(a: WorkstationFacts, b: WorkstationFacts): string[] {
  const out: string[] = [];
  for (const k of b.signatureKeys) if (!a.signatureKeys.some((x) => x.ski === k.ski)) out.push(`signature key "${k.name}" created (KEYNUM ${k.keynum})`);
  for (const k of a.signatureKeys) if (!b.signatureKeys.some((x) => x.ski === k.ski)) out.push(`signature key "${k.name}" removed`);
  for (const p of b.keyParts) if (!a.keyParts.some((x) => x.vp === p.vp && x.keynum === p.keynum)) out.push(`key part "${p.description}" created (KEYNUM ${p.keynum}, VP ${p.vp.slice(0, 8)}...)`);
  if (a.selectedUnits.join() !== b.selectedUnits.join()) out.push('the selection of crypto units changed (● in the panel)');
  if (a.selectedSignatureKeys.join() !== b.selectedSignatureKeys.join()) {
    const names = b.selectedSignatureKeys.map((ski) => b.signatureKeys.find((k) => k.ski === ski)?.name ?? ski.slice(0, 8));
    out.push(`the signing keys are now ${names.join(', ') || 'none'}`);
  }
  return out;
}

function explainOk(last: LastCommand): string {
  const damage = lessonDamage(last.after.world);
  if (damage && !lessonDamage(last.before.world)) {
    return [`The command ended OK, and that is the problem: ${damage}`, `  ${last.command?.name === 'cryptounit-mk-setimm' ? 'Set immediate moves the new master key into the current register without re-enciphering key storage; cryptounit-mk-rotate re-enciphers it on the way.' : 'Stored keys are readable only under the master key that encrypted them.'}`, `  Next: ${RESET_ADVICE}`].join('\n');
  }
  const lines = [`OK: ${last.command ? `${last.command.name}: ${last.command.summary}.` : last.line}`];
  if (last.command) lines.push(`  What it does: ${last.command.details}`);
  const units = summarizeChanges(describeChanges(last.before.world, last.after.world));
  lines.push(`  Crypto units: ${units || 'nothing changed in the crypto units.'}`);
  const files = workstationChanges(last.before.workstation, last.after.workstation);
  if (files.length) lines.push(`  Workstation: ${files.join('; ')}.`);
  return lines.join('\n');
}

/** What the state says about a failure that the refusal alone may not: selected units in imprint mode. */
function contextNotes(last: LastCommand): string[] {
  const name = last.command?.name ?? '';
  if (last.outcome.status !== 'failed') return [];
  const { world, workstation } = last.before;
  const selected = world.units.filter((u) => workstation.selectedUnits.includes(u.id));
  const notes: string[] = [];
  const imprint = world.units.flatMap((u, i) => (u.signatureThreshold === 0 && selected.includes(u) ? [i + 1] : []));
  if (imprint.length > 0 && /^cryptounit-(mk|cp)-/.test(name)) {
    notes.push(`  Note: unit ${imprint.join(', ')} is selected and in imprint mode, where register commands are not allowed. Unselect it (cryptounit-rm ${imprint.join(' ')}) or secure it first.`);
  }
  if (last.outcome.refusal?.code === 'TOO_FEW_SIGNATURES') {
    const signing = workstation.selectedSignatureKeys.filter((ski) => selected.every((u) => u.admins.some((a) => a.ski === ski))).length;
    notes.push(`  Note: ${signing} selected signature key(s) are installed administrators of every selected unit (status line: sigkeys).`);
  }
  return notes;
}

/** Why the last command did what it did. */
export function explainLast(last: LastCommand | null): string {
  if (!last) return 'Nothing to explain yet: run a command first. You can also ask about a code, for example "explain 209/57" or "explain IMPRINT_MODE".';
  const head = `explain: ${last.line}`;
  switch (last.outcome.status) {
    case 'ok': return `${head}\n${explainOk(last)}`;
    case 'failed': return [head, explainFailure(last.outcome), ...contextNotes(last)].join('\n');
    case 'usage': return `${head}\nThe line was not understood as a command: ${last.outcome.message}\n  Next: check the spelling; "help" lists every command and "help <command>" shows what it asks.`;
    case 'cancelled': return `${head}\nThe dialog was cancelled (Ctrl-C, or "no" to a confirmation): nothing was changed.\n  Next: run the command again when you are ready.`;
  }
}

/** `explain 209/57`, `explain 179`, `explain IMPRINT_MODE`: a code's meaning, why, and next step. */
export function explainCode(text: string): string | null {
  const named = text.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (isRefusalCode(named)) {
    const code = named;
    const r = REFUSALS[code];
    const codes = r.rc === null ? '' : ` (return code ${r.rc}${r.reason === null ? '' : `, reason code ${r.reason}`})`;
    return block(`${code}${codes}: ${r.message}`, REFUSAL_EXPLANATIONS[code]);
  }
  const m = /^(\d{1,3})(?:\s*[/,]\s*(\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  const ref = referenceCode(Number(m[1]), m[2] === undefined ? null : Number(m[2]));
  if (!ref) return null;
  const reasons = ref.reasons.length ? `, reason code ${ref.reasons.join(' or ')}` : '';
  return block(`Return code ${ref.rc}${reasons}: ${ref.meaning}.`, ref.explanation);
}
