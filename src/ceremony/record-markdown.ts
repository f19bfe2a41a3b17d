/** The ceremony record as Markdown: what the auditor reads, signs and hashes. Pure. */
import { groupedHex, wordLines } from './pgp-words.ts';
import type { CeremonyRecord, RecordStep } from './record-model.ts';
import { NO_SECRET, date, outcomeLine, resolution, signedBy, stepOutcome, time } from './record-text.ts';

/** Text safe inside a Markdown table cell. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string[] =>
  [row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row)];

function stepSection(r: CeremonyRecord, s: RecordStep): string[] {
  const lines = [
    `### Step ${s.number}: ${s.title}`,
    '',
    `- Actor: ${s.actor}`,
    `- Instruction: ${s.instruction}`,
    `- Started: ${time(s.started)}; outcome: ${stepOutcome(r, s)}`,
    '',
  ];
  if (s.commands.length > 0) {
    lines.push(...table(['Time', 'Typed by', 'Command', 'Signed by', 'Result'], s.commands.map((c) => [
      time(c.at), c.by, `\`${c.line}\``, signedBy(c.signedBy), c.placement === 'unscripted' ? `${c.result} (not in the script)` : c.result,
    ])), '');
  } else {
    lines.push('No command was typed in this step.', '');
  }
  for (const b of s.readBacks) {
    lines.push(
      `Read-back of the ${b.label}: ${b.confirmed ? `confirmed by ${b.by}` : `NOT confirmed by ${b.by}`} at ${time(b.at)}`,
      '',
      `    hex:   ${groupedHex(b.vp)}`,
      ...wordLines(b.words).map((l, i) => `    ${i === 0 ? 'words: ' : '       '}${l}`),
      '',
    );
  }
  return lines;
}

export function renderMarkdown(r: CeremonyRecord): string {
  const lines = [
    `# Ceremony record: ${r.title}`,
    '',
    ...table(['', ''], [
      ['Date', `${date(r.started)} (times are UTC)`],
      ['Started', time(r.started)],
      ['Outcome', outcomeLine(r)],
      ['Script', `${r.script.file} (SHA-256 ${r.script.sha256})`],
      ['World', r.world],
      ['Recording', [r.recording.journal, r.recording.cast].filter((f): f is string => f !== null).join(', ') || 'none'],
    ]),
    '',
    '## Participants',
    '',
    ...table(['Name', 'Role', 'Holds'], r.participants.map((p) => [p.name, p.roles, p.holds])),
    '',
    '## Steps',
    '',
    ...r.steps.flatMap((s) => stepSection(r, s)),
    '## Exceptions',
    '',
    ...(r.exceptions.length === 0
      ? ['No exception was recorded.']
      : table(['#', 'Step', 'Time', 'Actor', 'Kind', 'What happened', 'Resolution'], r.exceptions.map((e) => [
        String(e.number), e.step === 0 ? 'before 1' : String(e.step), time(e.at), e.actor, e.kind, e.text, resolution(e),
      ]))),
    '',
    '## Final state of the crypto units',
    '',
    ...table(['Unit', 'Type', 'Mode', 'Admins', 'SIG/REV', 'New register', 'Current register', 'Keys'], r.units.map((u) => [
      String(u.num), u.type, u.mode, u.admins, u.thresholds,
      `${u.newRegister.state} ${u.newRegister.vp}`, `${u.currentRegister.state} ${u.currentRegister.vp}`, u.keys,
    ])),
    '',
    '## Sign-off',
    '',
    ...table(['Name', 'Role', 'Signature', 'Date'], r.signOff.map((s) => [s.name, s.role, '', ''])),
    '',
    NO_SECRET,
    '',
  ];
  return lines.join('\n');
}
