/**
 * What the demo screen holds at a given size, as data: the narration box's lines (the step on
 * show: the one running or just run, else the one about to run; never a later one), the panel's
 * variant, the rows left for the output, and the footer. Every part has a height known before
 * rendering, so the frame fills the terminal exactly and nothing moves from step to step. Pure.
 */
import type { Outcome } from '../engine/outcome.ts';
import type { PanelVariant } from '../shell/compact-panel-layout.ts';
import type { DemoView } from './demo-runner.ts';
import type { DemoStep } from './demo-script.ts';
import { clip, wrapText } from './text-wrap.ts';

/** Below this many rows the panel is one line per unit. */
export const COMPACT_BELOW_ROWS = 30;
/** The output area keeps at least this many rows (narration is cut first, then the panel goes). */
const MIN_OUTPUT = 4;

export type BoxLineKind = 'heading' | 'narration' | 'note' | 'command' | 'message';
export interface BoxLine {
  readonly kind: BoxLineKind;
  readonly text: string;
}

export interface FrameInput {
  readonly columns: number;
  readonly rows: number;
  readonly view: DemoView;
  readonly steps: readonly DemoStep[];
  readonly firstStep: number;
  readonly title: string;
  readonly notes: boolean;
  readonly panelHidden: boolean;
  /** The panel's height for each variant (see `fixedPanelHeight`); 0 without a world. */
  readonly panelHeight: (variant: PanelVariant) => number;
  /** A key waiting to be pressed again, as a sentence. */
  readonly pending: string | null;
}

export interface Frame {
  readonly box: readonly BoxLine[];
  readonly panel: PanelVariant | null;
  readonly status: boolean;
  readonly outputRows: number;
  readonly footer: { readonly text: string; readonly pending: boolean };
}

function outcomeMark(outcome: Outcome | null): string {
  if (outcome === null) return '';
  switch (outcome.status) {
    case 'ok': return ' ✓ OK';
    case 'failed': return ' ✗ FAILED';
    case 'cancelled': return ' ✗ cancelled';
    case 'usage': return ' ✗ usage error';
  }
}

/** The box's first line; a title too long for `width` is cut, never the step's number or outcome. */
export function headingOf(input: Pick<FrameInput, 'view' | 'firstStep' | 'steps'>, width = Infinity): string {
  const { view, firstStep } = input;
  const total = input.steps.length - firstStep;
  const n = view.shown + 1 - firstStep;
  const title = view.current?.title ?? '';
  const line = (before: string, after: string) => `${before}${clip(title, Math.max(4, width - [...before].length - [...after].length))}${after}`;
  if (view.current?.setup) return line('setup · ', '');
  if (!view.ran && view.phase !== 'running') return line(`Next: step ${n}/${total} · `, '');
  const state = view.phase === 'running' ? ' · running…' : outcomeMark(view.outcome);
  return line(`step ${n}/${total} · `, `${state}${view.phase === 'finished' ? ' · the end' : ''}`);
}

function footerOf(input: FrameInput, columns: number): string {
  const { view, firstStep, steps } = input;
  const total = steps.length - firstStep;
  const keys = (k: string, left: string) => {
    const right = ` │ ${k}`;
    return clip(left, Math.max(10, columns - [...right].length)) + right;
  };
  if (view.phase === 'running') return keys('q quit', `step ${view.shown + 1 - firstStep}/${total} running…`);
  if (view.phase === 'finished') return keys('b back · t take over · q quit', `The end (${total} steps)`);
  if (!view.ran) return keys('b back · p panel · t take over · q quit', `Space: run step ${view.done + 1 - firstStep}/${total}`);
  return keys('Space next · b back · t take over · q quit', `Next: step ${view.done + 1 - firstStep}/${total} · ${steps[view.done]?.title ?? ''}`);
}

export function demoFrame(input: FrameInput): Frame {
  const inner = Math.max(10, input.columns - 4);
  const step = input.view.current;
  const heading: BoxLine = { kind: 'heading', text: clip(headingOf(input, inner), inner) };
  const narration: BoxLine[] = (step?.narration ?? []).flatMap((l) => wrapText(l, inner)).map((text) => ({ kind: 'narration', text }));
  const notes: BoxLine[] = input.notes ? (step?.notes ?? []).flatMap((l) => wrapText(`note: ${l}`, inner)).map((text) => ({ kind: 'note', text })) : [];
  const command: BoxLine[] = step?.command ? [{ kind: 'command', text: clip(`$ ${step.command}`, inner) }] : [];
  const message: BoxLine[] = input.view.message ? wrapText(input.view.message, inner).map((text) => ({ kind: 'message', text })) : [];
  let panel: PanelVariant | null = input.panelHidden || input.panelHeight('compact') === 0 ? null : input.rows < COMPACT_BELOW_ROWS ? 'compact' : 'full';
  if (panel === 'full' && input.rows - input.panelHeight('full') < 14) panel = 'compact';
  let status = input.panelHeight('compact') > 0;
  const fixed = () => 2 + 1 + command.length + message.length + (status ? 1 : 0) + (panel ? input.panelHeight(panel) : 0) + 1;
  // Narration and notes share what the output area leaves; cut lines end with "…".
  let room = input.rows - fixed() - MIN_OUTPUT;
  if (room < 1 && panel !== null) [panel, status] = [null, false];
  room = Math.max(1, input.rows - fixed() - MIN_OUTPUT);
  let body = [...narration, ...notes];
  if (body.length > room) body = [...body.slice(0, room - 1), { kind: 'narration', text: clip(`${body[room - 1]?.text ?? ''}…`, inner) }];
  const box = [heading, ...body, ...command, ...message];
  const outputRows = Math.max(1, input.rows - (2 + box.length) - (status ? 1 : 0) - (panel ? input.panelHeight(panel) : 0) - 1);
  return { box, panel, status, outputRows, footer: input.pending ? { text: clip(input.pending, input.columns), pending: true } : { text: footerOf(input, input.columns), pending: false } };
}
