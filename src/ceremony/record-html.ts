/**
 * The ceremony record as one self-contained HTML page: inline style, no script, nothing fetched
 * from anywhere, printable for signing. Every text is escaped. Pure.
 */
import { groupedHex, wordLines } from './pgp-words.ts';
import type { CeremonyRecord, RecordStep } from './record-model.ts';
import { NO_SECRET, date, outcomeLine, resolution, signedBy, stepOutcome, time } from './record-text.ts';

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const tr = (cells: readonly string[], tag: 'td' | 'th' = 'td'): string => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
const table = (head: readonly string[], rows: readonly (readonly string[])[], cls = ''): string =>
  `<table${cls ? ` class="${cls}"` : ''}><thead>${tr(head.map(esc), 'th')}</thead><tbody>${rows.map((r) => tr(r)).join('')}</tbody></table>`;

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.5rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #999; } h3 { margin-bottom: .3rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; width: 100%; }
th, td { border: 1px solid #999; padding: .25rem .4rem; text-align: left; vertical-align: top; }
code, .vp { font-family: ui-monospace, monospace; font-size: 13px; }
.aborted { color: #a00; font-weight: bold; } .bad { color: #a00; }
.signoff td { height: 2.5rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
`;

/** A two-column table of facts: the name in a header cell, the value beside it. */
const facts = (rows: readonly (readonly [string, string])[]): string =>
  `<table><tbody>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;

function stepHtml(r: CeremonyRecord, s: RecordStep): string {
  const commands = s.commands.length === 0
    ? '<p>No command was typed in this step.</p>'
    : table(['Time', 'Typed by', 'Command', 'Signed by', 'Result'], s.commands.map((c) => [
      esc(time(c.at)), esc(c.by), `<code>${esc(c.line)}</code>`, esc(signedBy(c.signedBy)),
      `${c.ok ? '' : '<span class="bad">'}${esc(c.placement === 'unscripted' ? `${c.result} (not in the script)` : c.result)}${c.ok ? '' : '</span>'}`,
    ]));
  const readBacks = s.readBacks.map((b) => `<p>Read-back of the ${esc(b.label)}: ${b.confirmed ? `confirmed by ${esc(b.by)}` : `<span class="bad">NOT confirmed by ${esc(b.by)}</span>`} at ${esc(time(b.at))}</p>
<p class="vp">hex: ${esc(groupedHex(b.vp))}<br>words: ${wordLines(b.words).map(esc).join('<br>')}</p>`).join('\n');
  return `<h3>Step ${s.number}: ${esc(s.title)}</h3>
<p>Actor: ${esc(s.actor)}<br>Instruction: ${esc(s.instruction)}<br>Started: ${esc(time(s.started))}; outcome: ${s.status === 'done' ? '' : '<span class="bad">'}${esc(stepOutcome(r, s))}${s.status === 'done' ? '' : '</span>'}</p>
${commands}
${readBacks}`;
}

export function renderHtml(r: CeremonyRecord): string {
  const files = [r.recording.journal, r.recording.cast].filter((f): f is string => f !== null).join(', ') || 'none';
  const exceptions = r.exceptions.length === 0
    ? '<p>No exception was recorded.</p>'
    : table(['#', 'Step', 'Time', 'Actor', 'Kind', 'What happened', 'Resolution'], r.exceptions.map((e) => [
      String(e.number), e.step === 0 ? 'before 1' : String(e.step), esc(time(e.at)), esc(e.actor), esc(e.kind), esc(e.text), esc(resolution(e)),
    ]));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ceremony record: ${esc(r.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body>
<h1>Ceremony record: ${esc(r.title)}</h1>
${facts([
    ['Date', esc(`${date(r.started)} (times are UTC)`)],
    ['Started', esc(time(r.started))],
    ['Outcome', `<span class="${r.end.kind === 'aborted' ? 'aborted' : ''}">${esc(outcomeLine(r))}</span>`],
    ['Script', `${esc(r.script.file)} (SHA-256 <code>${esc(r.script.sha256)}</code>)`],
    ['World', esc(r.world)],
    ['Recording', esc(files)],
  ])}
<h2>Participants</h2>
${table(['Name', 'Role', 'Holds'], r.participants.map((p) => [esc(p.name), esc(p.roles), esc(p.holds)]))}
<h2>Steps</h2>
${r.steps.map((s) => stepHtml(r, s)).join('\n')}
<h2>Exceptions</h2>
${exceptions}
<h2>Final state of the crypto units</h2>
${table(['Unit', 'Type', 'Mode', 'Admins', 'SIG/REV', 'New register', 'Current register', 'Keys'], r.units.map((u) => [
    String(u.num), esc(u.type), esc(u.mode), esc(u.admins), esc(u.thresholds),
    `${esc(u.newRegister.state)}<br><span class="vp">${esc(u.newRegister.vp)}</span>`,
    `${esc(u.currentRegister.state)}<br><span class="vp">${esc(u.currentRegister.vp)}</span>`, esc(u.keys),
  ]))}
<h2>Sign-off</h2>
${table(['Name', 'Role', 'Signature', 'Date'], r.signOff.map((s) => [esc(s.name), esc(s.role), '', '']), 'signoff')}
<p>${esc(NO_SECRET)}</p>
</body></html>
`;
}
