/** What `tkesim presenter` shows, as lines: the step on the audience's screen with its speaker notes, the next step, the time, the keys. Pure. */
import type { PresenterState, PresenterStep } from './presenter-channel.ts';
import { wrapText } from './text-wrap.ts';

export type PresenterLineKind = 'title' | 'label' | 'note' | 'plain' | 'key' | 'rule';
export interface PresenterLine {
  readonly kind: PresenterLineKind;
  readonly text: string;
}

export const PRESENTER_KEYS: readonly (readonly [string, string])[] = [
  ['Space Enter → ↓ PgDn', 'next step'],
  ['b ← ↑ PgUp Backspace', 'back a step'],
  ['j k', 'scroll the output'],
  ['p', 'hide or show the panel'],
  ['t t', 'take over live ("exit" returns)'],
  ['q q', 'quit'],
];

export function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}` : `${two(Math.floor(s / 60))}:${two(s % 60)}`;
}

function stepLines(label: string, step: PresenterStep, total: number, state: string, width: number): PresenterLine[] {
  const notes = step.notes.length ? step.notes.flatMap((n) => wrapText(`• ${n}`, width - 6).map((text) => ({ kind: 'note' as const, text: `      ${text}` }))) : [{ kind: 'plain' as const, text: '      (no speaker notes)' }];
  return [{ kind: 'label', text: `${label.padEnd(6)}step ${step.number}/${total} · ${step.title}${state}` }, ...notes];
}

export function presenterLines(state: PresenterState | null, alive: boolean, now: number, width: number, home: string): PresenterLine[] {
  const rule: PresenterLine = { kind: 'rule', text: '─'.repeat(Math.max(10, width)) };
  const keys: PresenterLine[] = [
    { kind: 'label', text: 'KEYS  (in the demo\'s terminal)' },
    ...PRESENTER_KEYS.map(([k, what]): PresenterLine => ({ kind: 'key', text: `      ${k.padEnd(22)}${what}` })),
  ];
  if (!state || !alive) {
    return [
      { kind: 'title', text: 'PRESENTER VIEW' },
      rule,
      { kind: 'plain', text: state ? `The demo "${state.title}" has ended.` : 'No demo is running.' },
      ...wrapText(`Start one in another terminal with the same TKESIM_HOME (${home}): tkesim demo SCRIPT. This view follows it.`, width).map((text): PresenterLine => ({ kind: 'plain', text })),
      rule,
      ...keys,
    ];
  }
  const status = state.phase === 'running' ? ' · running…' : state.ran ? ' · done' : ' · up next';
  const time = elapsed(now - state.startedAt);
  return [
    { kind: 'title', text: `PRESENTER VIEW · ${state.title}`.slice(0, Math.max(0, width - time.length - 3)).padEnd(Math.max(0, width - time.length)) + time },
    rule,
    ...stepLines('NOW', state.step, state.total, status, width),
    { kind: 'plain', text: '' },
    ...(state.next ? stepLines('NEXT', state.next, state.total, '', width) : [{ kind: 'label' as const, text: 'NEXT  the end of the demo' }]),
    rule,
    ...keys,
  ];
}
