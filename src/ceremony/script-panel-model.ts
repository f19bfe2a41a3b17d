/** The script panel's view model: the step, its actor, the instruction, what is expected, the state, the exceptions. Pure. */
import type { Check } from '../core/state-checks.ts';
import type { CeremonyEnd } from './ceremony-state.ts';
import { describe, leads, participant, type CeremonyScript } from './script-model.ts';
import { expectedNext, type StepProgress, type StepStatus } from './step-progress.ts';
import type { CeremonyException } from './witness.ts';

export const CEREMONY_WORDS = 'exception TEXT · continue · retry · abort REASON · script · hint';

export interface ScriptPanelModel {
  readonly heading: string;
  readonly marks: readonly { readonly number: number; readonly status: StepStatus }[];
  readonly progress: string;
  readonly current: { readonly title: string; readonly who: string; readonly instruction: string; readonly expected: string } | null;
  readonly checks: readonly Check[];
  /** An open exception, or how the ceremony ended. */
  readonly notice: { readonly text: string; readonly tone: 'error' | 'ok' } | null;
  readonly keyboard: string;
}

export interface PanelInput {
  readonly script: CeremonyScript;
  readonly progress: readonly StepProgress[];
  readonly currentIndex: number;
  readonly holder: string;
  readonly exceptions: readonly CeremonyException[];
  readonly ended: CeremonyEnd | null;
  readonly checks: readonly Check[];
}

function notice(i: PanelInput): ScriptPanelModel['notice'] {
  const e = i.ended;
  if (e?.kind === 'completed') return { text: 'The ceremony is complete. Its record is written (see the log). Type exit to leave.', tone: 'ok' };
  if (e?.kind === 'aborted') return { text: `The ceremony was aborted at step ${e.step}: ${e.reason}. Its record is written. Type exit to leave.`, tone: 'error' };
  const open = i.exceptions.filter((x) => x.resolution === null);
  const last = open[open.length - 1];
  if (!last) return null;
  return { text: `Exception ${last.number} (${last.kind}) is open: ${leads(i.script).administrator} decides: continue, retry or abort REASON.`, tone: 'error' };
}

export function buildScriptPanel(i: PanelInput): ScriptPanelModel {
  // A step just done hands over to the next one: the panel already shows it.
  const index = i.progress[i.currentIndex]?.status === 'done' ? i.currentIndex + 1 : i.currentIndex;
  const step = i.ended ? undefined : i.script.steps[index];
  const p = i.progress[index];
  const who = step ? participant(i.script, step.actor) : undefined;
  const done = i.progress.filter((x) => x.status === 'done').length;
  const open = i.exceptions.filter((x) => x.resolution === null).length;
  return {
    heading: `Ceremony: ${i.script.title}`,
    marks: i.progress.map((x, k) => ({ number: k + 1, status: k === index && step ? 'current' : x.status })),
    progress: `${step ? `step ${step.number} of ${i.script.steps.length}` : `${done} of ${i.script.steps.length} steps done`} · exceptions ${i.exceptions.length}${open ? ` (${open} open)` : ''}`,
    current: step && p ? { title: `Step ${step.number}: ${step.title}`, who: who ? describe(who) : step.actor, instruction: step.instruction, expected: expectedNext(step, p) } : null,
    checks: step && index === i.currentIndex ? i.checks : [],
    notice: notice(i),
    keyboard: i.holder,
  };
}
