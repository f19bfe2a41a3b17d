import test from 'ava';
import { ensureBuilt, newHome, tkesim } from '../helpers/cli.ts';
import { startShell, type Screen } from '../helpers/pty.ts';

test.before(ensureBuilt);

/** Types a line, waits for what it should show, then for the idle prompt. */
async function line(s: Screen, text: string, expect: string | RegExp): Promise<void> {
  const m = s.mark();
  await s.typeLine(text);
  const at = await s.waitFor(expect, m, 30_000);
  await s.waitFor(/tkesim> *$/m, at, 30_000);
}

test('a newcomer finds the lessons: banner, learn, lessons, lesson 3, exit lesson, help topics, shell-word suggestions', async (t) => {
  const home = newHome();
  const s = startShell(home, [], 110, 40);
  try {
    await s.waitFor('tkesim>');
    t.regex(s.screen(), /New here\? Type "learn" for the guided lessons/);
    await line(s, 'lessons', /Type "lesson N" to start lesson N/);
    // The first frame draws the greeting in place and the log then takes it over: it shows once.
    t.is(s.screen().split('New here?').length - 1, 1, s.screen());
    await line(s, 'lesson 3', /Preparing lesson 3/);
    await line(s, 'hnt', /Did you mean the shell word: hint\?/);
    await line(s, 'exit lesson', /You left lesson 3/);
    await line(s, 'learn', /Preparing lesson 1/);
    await line(s, 'exit lesson', /You left lesson 1/);
    await line(s, 'tkesim learn 2', /Preparing lesson 2/);
    await line(s, 'exit lesson', /You left lesson 2/);
    await line(s, 'help replay', /USAGE: tkesim replay FILE/);
    await line(s, 'help', /A first ceremony, in order/);
    // Ctrl-L: the screen is cleared and the panel and prompt drawn again.
    const before = s.mark();
    s.pty.write('\u000c');
    await s.waitFor(/tkesim> *$/m, before);
    await new Promise((r) => setTimeout(r, 300));
    t.notRegex(s.screen(), /A first ceremony/);
    t.regex(s.screen(), /OPERATIONAL/);
    await s.typeLine('exit');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
  const r = await tkesim(home, ['replay', '--help']);
  t.is(r.code, 0);
  t.regex(r.out, /USAGE: tkesim replay FILE/);
});

test('the panel follows a one-shot command run in another process, and says the change came from outside', async (t) => {
  const home = newHome();
  const s = startShell(home, [], 110, 40);
  try {
    await s.waitFor('tkesim>');
    await s.waitFor(/OPERATIONAL/);
    const m = s.mark();
    const other = await tkesim(home, ['cryptounit-add', '1', '2']);
    t.is(other.code, 0, other.out);
    // No key is typed in the shell: the change arrives through the watched files.
    await s.waitFor(/from another terminal: /, m, 10_000);
    t.regex(s.screen(), /units 1, 2/);
    await s.typeLine('exit');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
});

for (const cols of [80, 110]) {
  test(`at ${cols} columns a line longer than the terminal wraps at word boundaries, with no leading space on any continuation row`, async (t) => {
    const home = newHome();
    const s = startShell(home, [], cols, 40);
    try {
      await s.waitFor('tkesim>');
      await line(s, 'explain no-such-term', /is not a term or code tkesim knows/);
      const rows = s.screen().split('\n');
      const from = rows.findIndex((r) => r.includes('is not a term or code'));
      const to = rows.findIndex((r, i) => i > from && r.startsWith('region '));
      t.true(from >= 0 && to > from + 2, s.screen());
      const wrapped = rows.slice(from + 1, to);
      t.deepEqual(wrapped.filter((r) => r.startsWith(' ')), [], 'a continuation row begins with a space');
      // Every word of the glossary list arrives whole: none is cut at the edge.
      t.regex(wrapped.join(' '), /XCP_CPB_ALG_EC_25519/);
      await s.typeLine('exit');
      t.is(await s.exited, 0);
    } finally {
      s.close();
    }
  });
}

test('lesson 1 at 80x24: the panel takes its short form, and a command never clears the screen', async (t) => {
  const s = startShell(newHome(), ['learn', '1'], 80, 24);
  try {
    await s.waitFor('short form: a taller terminal shows a row per unit', 0, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    const m = s.mark();
    await line(s, 'cryptounit-add 1 2', /^OK$/m);
    await new Promise((r) => setTimeout(r, 500));
    // A frame taller than the terminal makes Ink clear the screen and its scrollback on every frame.
    t.false(s.output().slice(m).includes('\u001b[3J'), 'no frame cleared the screen and its scrollback');
    t.regex(s.screen(), /●1 ●2 ○3\* ○4\* imprint adm 0\/8 thr 0\/0 new Empty cur Empty keys 0\/0/);
    t.regex(s.screen(), /○5 ○6 ○7\* ○8\* imprint/);
  } finally {
    s.close();
  }
});
