/**
 * The ceremony's words in the shell: the witness's `exception TEXT`, the ceremony administrator's
 * `continue`, `retry` and `abort REASON`, and `script` and `hint` to see where things stand.
 */
import type { ShellController } from '../shell/controller.ts';
import type { CeremonyHost } from './host.ts';
import { expectedNext } from './step-progress.ts';

const MARK = { done: '✔', current: '▶', pending: '·', skipped: '✘' } as const;

export function registerCeremonyBuiltins(c: ShellController, host: CeremonyHost): void {
  const s = host.session;
  const over = () => (s.ended ? (c.log('The ceremony is over: its record is written. Type exit to leave.', 'muted'), true) : false);
  c.registerBuiltin('exception', (rest) => {
    if (over()) return;
    if (rest.trim() === '') return c.log('Say what happened, for example: exception Bob read the verification pattern from the wrong line', 'error');
    s.witness(rest.trim());
  });
  c.registerBuiltin('continue', (rest) => {
    if (!over()) s.decide('continue', rest.trim() || null);
  });
  c.registerBuiltin('retry', (rest) => {
    if (!over()) s.decide('retry', rest.trim() || null);
  });
  c.registerBuiltin('abort', (rest) => {
    if (over()) return;
    if (rest.trim() === '') return c.log('Say why the ceremony stops, for example: abort the custodian of part 3 is absent', 'error');
    s.decide('abort', rest.trim());
  });
  c.registerBuiltin('script', () => {
    const lines = s.script.steps.map((step, i) => {
      const p = s.progress[i];
      return `${p ? MARK[p.status] : ' '} ${String(step.number).padStart(2)}. ${step.title} (${step.actor}): ${step.commands.map((x) => x.line).join(', ')}`;
    });
    c.log([`${s.script.title}`, ...lines].join('\n'), 'normal');
  });
  // `hint` is the ceremony's own here (a lesson's hint would make no sense in a ceremony).
  c.registerBuiltin('hint', () => {
    const step = s.currentStep;
    const p = s.currentProgress;
    if (s.ended || !step || !p) return c.log('The ceremony is over. Type exit to leave.', 'muted');
    c.log([
      `Step ${step.number}: ${step.title} (${step.actor}). ${step.instruction}`,
      `Expected next: ${expectedNext(step, p)}`,
      ...s.currentChecks().map((k) => `  ${k.ok ? '✔' : '✘'} ${k.label}`),
    ].join('\n'), 'normal');
  });
}
