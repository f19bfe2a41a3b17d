/**
 * A recording as players show it: one frame per command (and per rewind or change of world), each
 * with what the screen showed and the recorded view of the state after it. Nothing is re-executed
 * and no secret is needed, so opening is a read and seeking a lookup. The journal's integrity
 * (its hash chain, missing steps, a truncated end) comes with it.
 */
import { readFileSync } from 'node:fs';
import { integritySummary, readJournal, type CheckedJournal } from './journal-chain.ts';
import type { Journal, StateView, TranscriptItem } from './journal-format.ts';

export interface RecordedFrame {
  /** 0 is the start; then one per command, rewind or restart, in journal order. */
  readonly index: number;
  readonly kind: 'start' | 'command' | 'rewind' | 'restart';
  /** The journal's step number of the command that made this state (0: the start). */
  readonly step: number;
  readonly label: string;
  readonly items: readonly TranscriptItem[];
  readonly view: StateView;
  readonly status: 'ok' | 'failed' | 'usage' | 'cancelled' | 'error' | null;
  readonly start: number;
  readonly end: number;
  /** Why this frame may not be what the recording showed (empty when it matches). */
  readonly problems: readonly string[];
}

export interface RecordedReplay {
  readonly journal: Journal;
  readonly checked: CheckedJournal;
  readonly frames: readonly RecordedFrame[];
  /** Integrity lines to show (empty when the journal is intact and ended cleanly). */
  readonly integrity: readonly string[];
  /** Whether the journal's chain is broken (edited, deleted, reordered). */
  readonly tampered: boolean;
}

const prefix = (kind: string): string => (kind === 'lesson-step' || kind === 'lesson' ? 'lesson: ' : kind === 'demo-step' ? 'demo: ' : '');

export function recordedReplay(checked: CheckedJournal): RecordedReplay {
  const { journal } = checked;
  const startView = journal.header.start.view;
  const first: RecordedFrame = { index: 0, kind: 'start', step: 0, label: 'start', items: [], view: startView, status: null, start: 0, end: 0, problems: [] };
  const frames: RecordedFrame[] = [first];
  const byStep = new Map<number, RecordedFrame>([[0, first]]);
  const flagged = new Map<number, string[]>();
  for (const p of checked.problems) if (p.step !== null) flagged.set(p.step, [...(flagged.get(p.step) ?? []), p.message]);
  let pending: TranscriptItem[] = [];
  for (const entry of journal.entries) {
    const previous = frames[frames.length - 1] ?? first;
    const index = frames.length;
    switch (entry.type) {
      case 'marker':
        pending.push({ text: `── ${prefix(entry.kind)}${entry.label} ──`, tone: 'muted', time: entry.t });
        break;
      case 'rewind': {
        const target = byStep.get(entry.to) ?? first;
        const items = [...pending, { text: `(back to step ${entry.to}: the world is as it was after it)`, tone: 'muted' as const, time: entry.t }];
        frames.push({ ...target, index, kind: 'rewind', label: `back to step ${entry.to}`, items, status: null, start: entry.t, end: entry.t, problems: [] });
        pending = [];
        break;
      }
      case 'restart':
        frames.push({ index, kind: 'restart', step: previous.step, label: 'another world', items: [...pending, { text: '(the session went on in another world, for example a new lesson)', tone: 'muted', time: entry.t }], view: entry.start.view, status: null, start: entry.t, end: entry.t, problems: [] });
        pending = [];
        break;
      case 'command': {
        // The journal's reading checked the view against its digest (a mismatch is one of its problems).
        const problems = [...(flagged.get(entry.step) ?? [])];
        const frame: RecordedFrame = { index, kind: 'command', step: entry.step, label: entry.line, items: [...pending, ...entry.output], view: entry.view, status: entry.outcome.status, start: entry.t, end: entry.end, problems };
        frames.push(frame);
        byStep.set(entry.step, frame);
        pending = [];
        break;
      }
      case 'end':
        break;
    }
  }
  return { journal, checked, frames, integrity: integritySummary(checked), tampered: checked.problems.length > 0 };
}

export function openRecordedReplay(file: string): RecordedReplay {
  return recordedReplay(readJournal(readFileSync(file, 'utf8')));
}
