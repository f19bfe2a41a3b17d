import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mistakeFrames, nextMistake, previousMistake } from '../../src/journal/frame-marks.ts';
import { readJournal } from '../../src/journal/journal-chain.ts';
import { recordedReplay } from '../../src/journal/recorded-replay.ts';
import { parseCast } from '../../src/journal/cast-format.ts';
import { castTimeline, stepDoneAt } from '../../src/replay/cast-timeline.ts';
import { castFit, follow, pan } from '../../src/replay/cast-viewport.ts';
import { journalTimeline, transcriptTail, wrapLine } from '../../src/replay/replay-view.ts';
import { frameAt, timelineStrip } from '../../src/replay/review-marks.ts';
import { ROOT } from '../helpers/cli.ts';
import { delayBeforeNext, initialPlayer, stepEnd } from '../../src/journal/timeline.ts';

const replay = recordedReplay(readJournal(readFileSync(join(ROOT, 'sessions', 'key-part-init.journal.jsonl'), 'utf8')));

test('long lines wrap at word boundaries; a word longer than the width is broken', (t) => {
  const line = 'The password for the signature key identified by Alice is not valid. Nothing was sent to the crypto units; run the command again.';
  const rows = wrapLine(line, 80);
  t.true(rows.length === 2 && rows.every((r) => r.length <= 80));
  t.is(rows.join(' '), line, 'nothing is lost');
  t.regex(rows[0] ?? '', /Nothing was$/);
  t.deepEqual(wrapLine('x'.repeat(25), 10), ['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
});

test('the transcript tail scrolls back line by line, no further than its first line', (t) => {
  const items = [...Array(10).keys()].map((i) => ({ text: `line ${i}`, tone: 'normal' as const, time: i }));
  const bottom = transcriptTail(items, 10, 3, 80, 0);
  t.deepEqual(bottom.lines.map((l) => l.text), ['line 7', 'line 8', 'line 9']);
  t.true(bottom.more);
  const up = transcriptTail(items, 10, 3, 80, 2);
  t.deepEqual(up.lines.map((l) => l.text), ['line 5', 'line 6', 'line 7']);
  const top = transcriptTail(items, 10, 3, 80, 99);
  t.is(top.scroll, 7);
  t.deepEqual(top.lines.map((l) => l.text), ['line 0', 'line 1', 'line 2']);
  t.false(top.more);
  const wrapped = transcriptTail([{ text: 'one two three four five six', tone: 'normal', time: 0 }], 1, 10, 10);
  t.deepEqual(wrapped.lines.map((l) => l.text), ['one two', 'three four', 'five six']);
});

test('mistakes: n and p go to the next and previous one', (t) => {
  const mistakes = [4, 13];
  t.is(nextMistake(mistakes, 0), 4);
  t.is(nextMistake(mistakes, 4), 13);
  t.is(nextMistake(mistakes, 13), null);
  t.is(previousMistake(mistakes, 13), 4);
  t.is(previousMistake(mistakes, 5), 4);
  t.is(previousMistake(mistakes, 4), null);
  t.deepEqual(mistakeFrames(replay), [], 'the shipped ceremony has no mistake');
});

test('the timeline strip: one cell per step, or runs of steps when they do not fit; the current cell is marked', (t) => {
  const strip = timelineStrip(replay, 80, 3);
  t.is(strip.length, replay.frames.length - 1);
  t.deepEqual(strip.map((c) => c.current), strip.map((_, i) => i === 2));
  const narrow = timelineStrip(replay, 5, 15);
  t.is(narrow.length, 5);
  t.true(narrow[4]?.current);
});

test('the pinned command is the one whose line has shown, not the next marker\'s', (t) => {
  const timeline = journalTimeline(replay, 2);
  t.is(frameAt(replay, timeline, 0), null);
  const end3 = stepEnd(timeline, 3);
  t.is(frameAt(replay, timeline, end3)?.frame.index, 3);
  t.true(frameAt(replay, timeline, end3)?.done);
  // One event more: the next frame's demo marker only; its command has not shown yet.
  t.is(frameAt(replay, timeline, end3 + 1)?.frame.index, 3);
  t.is(frameAt(replay, timeline, end3 + 2)?.frame.index, 4);
  t.false(frameAt(replay, timeline, end3 + 2)?.done);
});

const cast = (events: string) => parseCast(`{"version":2,"width":110,"height":42}\n${events}`);

test('a cast: idle time before anything shows is cut to the idle limit; journal steps from the markers', (t) => {
  const c = cast('[0.2,"o","\\u001b[H\\u001b[2J"]\n[9,"m","step 1: cryptounits"]\n[9.5,"o","hello"]\n[10,"m","step 2: mks"]\n[10.5,"o","world"]\n');
  const tl = castTimeline(c, 2);
  t.deepEqual(tl.times, [0, 2, 3]);
  t.is(delayBeforeNext(tl, initialPlayer(1, 1, true)), 2000);
  t.deepEqual(castTimeline(c, null).times, [0.2, 9.5, 10.5], 'no idle limit: as recorded');
  t.deepEqual([0, 1, 2, 3].map((p) => stepDoneAt(tl, p)), [0, 0, 1, 2]);
});

test('a cast that does not fit: a viewport, or a refusal with the size needed', (t) => {
  t.deepEqual(castFit(110, 42, 120, 50), { kind: 'fits', statusRow: true });
  t.deepEqual(castFit(110, 42, 110, 42), { kind: 'fits', statusRow: false });
  t.deepEqual(castFit(110, 42, 80, 24), { kind: 'viewport', rows: 22, cols: 80 });
  const small = castFit(110, 42, 30, 8);
  t.is(small.kind, 'too-small');
  t.regex(small.kind === 'too-small' ? small.sentence : '', /at least 110x43 .* or 40x10 .*; this one is 30x8\./);
  const screen = { cols: 110, rows: 42 };
  const view = { cols: 80, rows: 22 };
  t.deepEqual(follow({ top: 0, left: 0 }, { x: 100, y: 41 }, screen, view), { top: 20, left: 0 });
  t.deepEqual(follow({ top: 20, left: 0 }, { x: 0, y: 25 }, screen, view), { top: 20, left: 0 }, 'a cursor in view moves nothing');
  t.deepEqual(follow({ top: 20, left: 0 }, { x: 0, y: 3 }, screen, view), { top: 3, left: 0 });
  t.deepEqual(pan({ top: 20, left: 0 }, 8, 8, screen, view), { top: 20, left: 8 });
  t.deepEqual(pan({ top: 0, left: 0 }, 99, -5, screen, view), { top: 0, left: 30 });
});
