import test from 'ava';
import { delayBeforeNext, initialPlayer, playerReducer, stepAt, stepEnd, type PlayerAction, type Timeline } from '../../src/journal/timeline.ts';

// Ten events; steps end after events 2, 5 and 10.
const T: Timeline = { times: [0, 1, 2, 3, 10, 11, 12, 13, 14, 15], stepEnds: [2, 5, 10], idleLimit: 2 };
const apply = (pos: number, ...actions: PlayerAction[]) => actions.reduce((s, a) => playerReducer(T, s, a), initialPlayer(1, pos, false));

test('steps: where each ends, and which is done at a position', (t) => {
  t.deepEqual([0, 1, 2, 3, 4].map((s) => stepEnd(T, s)), [0, 2, 5, 10, 10]);
  t.deepEqual([0, 1, 2, 4, 5, 9, 10].map((p) => stepAt(T, p)), [0, 0, 1, 1, 2, 2, 3]);
});

test('] and [ move to the end of the next and previous step; from mid-step [ goes to the last one done', (t) => {
  t.is(apply(0, { type: 'next-step' }).pos, 2);
  t.is(apply(2, { type: 'next-step' }).pos, 5);
  t.is(apply(3, { type: 'next-step' }).pos, 5);
  t.is(apply(10, { type: 'next-step' }).pos, 10);
  t.is(apply(5, { type: 'previous-step' }).pos, 2);
  t.is(apply(4, { type: 'previous-step' }).pos, 2);
  t.is(apply(2, { type: 'previous-step' }).pos, 0);
  t.is(apply(0, { type: 'previous-step' }).pos, 0);
});

test('. shows one event and pauses; space toggles, and at the end starts over', (t) => {
  const s = playerReducer(T, initialPlayer(1, 3, true), { type: 'event' });
  t.deepEqual([s.pos, s.playing], [4, false]);
  t.true(apply(3, { type: 'toggle' }).playing);
  const over = apply(10, { type: 'toggle' });
  t.deepEqual([over.pos, over.playing], [0, true]);
});

test('speed steps through 0.25 to 16; digits jump to tenths of the steps', (t) => {
  t.is(apply(0, { type: 'faster' }, { type: 'faster' }).speed, 4);
  t.is(apply(0, { type: 'slower' }, { type: 'slower' }, { type: 'slower' }).speed, 0.25);
  t.is(apply(0, ...Array<PlayerAction>(9).fill({ type: 'faster' })).speed, 16);
  t.is(apply(7, { type: 'jump', tenth: 0 }).pos, 0);
  t.is(apply(0, { type: 'jump', tenth: 5 }).pos, stepEnd(T, 2));
  t.is(apply(0, { type: 'seek-step', step: 99 }).pos, 10);
});

test('by time for a .cast: 5 is the first event past half the duration', (t) => {
  const s = playerReducer({ ...T, jumpByTime: true }, initialPlayer(1, 0, false), { type: 'jump', tenth: 5 });
  t.is(s.pos, 4);
});

test('the wait before the next event is scaled by speed and capped by the idle limit', (t) => {
  t.is(delayBeforeNext(T, initialPlayer(1, 1, true)), 1000);
  t.is(delayBeforeNext(T, initialPlayer(2, 1, true)), 500);
  t.is(delayBeforeNext(T, initialPlayer(1, 4, true)), 2000);
  t.is(delayBeforeNext({ ...T, idleLimit: null }, initialPlayer(1, 4, true)), 7000);
  t.is(delayBeforeNext(T, initialPlayer(1, 4, false)), null);
  t.is(delayBeforeNext(T, initialPlayer(1, 10, true)), null);
});
