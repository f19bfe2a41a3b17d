/** What `tkesim ceremony` prints: its help, the list of shipped scripts, and the report of --check. */
import { basename } from 'node:path';
import { FRONT_END_HELP } from '../commands/front-end-help.ts';
import type { DryRun } from './dry-run.ts';
import type { CeremonyScript } from './script-model.ts';
import { resolution } from './record-text.ts';

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export const CEREMONY_HELP = FRONT_END_HELP.ceremony ?? 'USAGE: tkesim ceremony [SCRIPT] [--check] [--out NAME]';

function worldLine(s: CeremonyScript): string {
  const w = s.world;
  if (w.kind === 'sandbox') return 'your own sandbox world';
  return `a fresh world (seed ${w.seed}, ${w.shape.units} operational${w.shape.recovery ? ` + ${w.shape.recovery} recovery` : ''} units, ${w.shape.region})`;
}

export function scriptList(scripts: readonly { readonly file: string; readonly loaded: { script: CeremonyScript } | string }[]): string {
  const lines = ['Shipped ceremony scripts (sessions/ceremonies/):', ''];
  for (const { file, loaded } of scripts) {
    const name = basename(file).replace(/\.yaml$/, '');
    if (typeof loaded === 'string') {
      lines.push(`  ${name.padEnd(24)} (does not validate: run tkesim ceremony ${name} --check)`);
      continue;
    }
    const s = loaded.script;
    lines.push(`  ${name.padEnd(24)} ${s.title}`);
    lines.push(`  ${''.padEnd(24)} ${s.steps.length} steps, ${s.participants.length} people, on ${worldLine(s)}`);
  }
  if (scripts.length === 0) lines.push('  (none found beside this tkesim)');
  lines.push('', 'Rehearse one (in a terminal):   tkesim ceremony key-part-init', 'Check one, or your own script:  tkesim ceremony SCRIPT --check', '', 'Run "tkesim ceremony --help" for the script format and the words of the ceremony.');
  return lines.join('\n');
}

export function checkReport(script: CeremonyScript, file: string, run: DryRun): string {
  const s = run.session;
  const lines = [
    `${file}: the script is valid: "${script.title}", ${plural(script.steps.length, 'step')}, ${plural(script.participants.length, 'participant')}.`,
    script.world.kind === 'sandbox' ? 'It runs on the sandbox; the dry run used a fresh default world instead (your sandbox may differ).' : `Dry run on ${worldLine(script)}, with the script's training values:`,
    '',
  ];
  for (const [i, step] of script.steps.entries()) {
    const p = s.progress[i];
    const mark = p?.status === 'done' ? '✔' : p?.status === 'skipped' ? '✘' : p?.status === 'current' ? '▶' : '·';
    lines.push(`  ${mark} ${String(step.number).padStart(2)}. ${step.title} (${step.actor})`);
  }
  lines.push('');
  if (run.ok) {
    lines.push(`OK: the dry run completed ${script.steps.length === 1 ? 'the only step' : `all ${script.steps.length} steps`} with no exception.`);
    return lines.join('\n');
  }
  lines.push(`FAILED: the dry run stopped${s.currentStep ? ` at step ${s.currentStep.number}` : ''}.`);
  for (const e of s.exceptions) lines.push(`  exception ${e.number} (step ${e.step}, ${e.actor}, ${e.kind}): ${e.text}${e.resolution ? ` [${resolution(e)}]` : ''}`);
  if (s.exceptions.length === 0) lines.push('  The steps ran without exception, but the ceremony did not reach its end: check the expected states.');
  lines.push('', 'What happened, step by step:', ...run.transcript);
  return lines.join('\n');
}
