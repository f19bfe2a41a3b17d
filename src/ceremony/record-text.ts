/** Wording shared by the Markdown and HTML records: times, outcomes, resolutions. Pure. */
import type { CeremonyRecord, RecordStep } from './record-model.ts';
import type { CeremonyException } from './witness.ts';

/** 14:03:07Z: times are UTC, so that every copy of the record reads the same. */
export const time = (d: Date | null): string => (d ? `${d.toISOString().slice(11, 19)}Z` : '-');
export const date = (d: Date): string => d.toISOString().slice(0, 10);

export function outcomeLine(r: CeremonyRecord): string {
  const e = r.end;
  const done = r.steps.filter((s) => s.status === 'done').length;
  switch (e.kind) {
    case 'completed':
      return `Completed at ${time(e.at)}: ${done} of ${r.steps.length} steps done, ${r.exceptions.length} exception(s).`;
    case 'aborted':
      return `ABORTED at step ${e.step} at ${time(e.at)} by ${e.by}: ${e.reason}. ${done} of ${r.steps.length} steps were done.`;
  }
}

export function stepOutcome(r: CeremonyRecord, s: RecordStep): string {
  switch (s.status) {
    case 'done': return `done at ${time(s.ended)}`;
    case 'skipped': return 'SKIPPED (see the exceptions)';
    case 'current': return r.end.kind === 'aborted' && r.end.step === s.number ? `STOPPED HERE: the ceremony was aborted (${r.end.reason})` : 'not finished';
    case 'pending': return 'not reached';
  }
}

export function resolution(e: CeremonyException): string {
  const r = e.resolution;
  if (!r) return 'open';
  const verb = r.decision === 'continue' ? 'continued' : r.decision === 'retry' ? 'retried' : 'aborted';
  return `${verb} by ${r.by} at ${time(r.at)}${r.reason ? `: ${r.reason}` : ''}`;
}

export const signedBy = (names: readonly string[]): string => (names.length ? names.join(', ') : '-');

export const NO_SECRET = 'No password, key part value or master key appears in this record: only names, commands, verification patterns and outcomes.';
