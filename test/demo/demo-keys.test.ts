import test from 'ava';
import { demoKey, demoUiReducer, INITIAL_UI, pendingText, type DemoEffect, type DemoKey, type DemoUi, type KeyFlags } from '../../src/demo/demo-keys.ts';

const idle = { running: false, minScroll: -10, maxScroll: 10 };

/** Presses keys in order; the effects they had. */
function press(keys: readonly DemoKey[], context = idle, from: DemoUi = INITIAL_UI): { ui: DemoUi; effects: DemoEffect[] } {
  let ui = from;
  const effects: DemoEffect[] = [];
  for (const key of keys) {
    const r = demoUiReducer(ui, { type: 'key', key, context });
    ui = r.ui;
    effects.push(r.effect);
  }
  return { ui, effects };
}

test('a clicker\'s keys: Space, Enter, Right, Down and PageDown go on; b, Left, Up, PageUp and Backspace go back', (t) => {
  const next: [string, KeyFlags][] = [[' ', {}], ['', { return: true }], ['', { rightArrow: true }], ['', { downArrow: true }], ['', { pageDown: true }]];
  const back: [string, KeyFlags][] = [['b', {}], ['', { leftArrow: true }], ['', { upArrow: true }], ['', { pageUp: true }], ['', { backspace: true }], ['', { delete: true }]];
  for (const [input, key] of next) t.is(demoKey(input, key), 'next', JSON.stringify([input, key]));
  for (const [input, key] of back) t.is(demoKey(input, key), 'back', JSON.stringify([input, key]));
});

test('Escape and unknown keys do nothing', (t) => {
  for (const [input, key] of [['', { escape: true, meta: true }], ['x', {}], ['n', {}], ['5', {}], ['', { ctrl: true }], ['a', { ctrl: true }], ['.', {}]] as const) {
    const k = demoKey(input, key);
    t.is(k, 'none', JSON.stringify([input, key]));
    t.deepEqual(press([k]), { ui: INITIAL_UI, effects: [null] });
  }
});

test('q and Ctrl-C ask once: one press does not quit, two do, any other key cancels', (t) => {
  t.is(demoKey('q', {}), 'quit');
  t.is(demoKey('c', { ctrl: true }), 'quit');
  const once = press(['quit']);
  t.deepEqual(once.effects, [null]);
  t.is(once.ui.pending, 'quit');
  t.regex(pendingText(once.ui.pending) ?? '', /press q again to quit/i);
  t.deepEqual(press(['quit', 'quit']).effects, [null, 'quit']);
  const cancelled = press(['quit', 'next', 'quit']);
  t.deepEqual(cancelled.effects, [null, null, null], 'the key that cancels does nothing else');
  t.is(cancelled.ui.pending, 'quit');
  t.deepEqual(press(['quit', 'quit'], { ...idle, running: true }).effects, [null, 'quit'], 'quitting works while a step runs');
});

test('t asks before taking over, and not while a step runs', (t) => {
  t.deepEqual(press(['take-over']).effects, [null]);
  t.deepEqual(press(['take-over', 'take-over']).effects, [null, 'take-over']);
  t.deepEqual(press(['take-over', 'back', 'take-over']).effects, [null, null, null]);
  t.deepEqual(press(['take-over', 'take-over'], { ...idle, running: true }).effects, [null, null]);
});

test('next and back do nothing while a step runs (a double press never skips a step)', (t) => {
  t.deepEqual(press(['next', 'next', 'back'], { ...idle, running: true }).effects, [null, null, null]);
  t.deepEqual(press(['next', 'back']).effects, ['next', 'back']);
});

test('j and k scroll the output within its range; p hides and shows the panel; a new page scrolls back', (t) => {
  const { ui } = press(['scroll-up', 'scroll-up', 'scroll-up', 'scroll-up', 'scroll-up'], { running: false, minScroll: -7, maxScroll: 2 });
  t.is(ui.scroll, -7);
  t.is(press(['scroll-down'], { running: false, minScroll: -7, maxScroll: 2 }, ui).ui.scroll, -4);
  t.is(demoUiReducer(ui, { type: 'new-page' }).ui.scroll, 0);
  t.true(press(['panel']).ui.panelHidden);
  t.false(press(['panel', 'panel']).ui.panelHidden);
  t.deepEqual([demoKey('j', {}), demoKey('k', {}), demoKey('p', {})], ['scroll-down', 'scroll-up', 'panel']);
});
