/**
 * Replay for review in a real terminal (node-pty at 80x24): n / p land on the failed steps, a
 * wrong-password step plays without asking for anything, long lines wrap at word boundaries, the
 * step's output scrolls back, and the command stays pinned at the top.
 */
import test from 'ava';
import { ensureBuilt, newHome } from '../helpers/cli.ts';
import { pressInReplay, startShell, type Screen } from '../helpers/pty.ts';
import { recordMistakes, tempDir, type Recording } from '../helpers/review.ts';

test.before(ensureBuilt);

let rec: Recording;
test.before(async () => {
  rec = await recordMistakes(tempDir(), 'review-replay');
});

const lines = (s: Screen) => s.screen().split('\n');
const press = pressInReplay;

test('n / p land on the failed steps; the wrong-password step plays without a prompt; long lines wrap at 80 columns; output scrolls back', async (t) => {
  const s = startShell(newHome(), ['replay', rec.journal, '--speed', '0.25'], 80, 24);
  try {
    await s.waitFor('REPLAY');
    await press(s, ' ', /paused/);
    await press(s, 'n', /^REPLAY review-replay · step 4\/22 ✗ failed · 2 mistakes \(n p\)/);
    t.regex(lines(s)[1] ?? '', /^steps ───✗────────✗/, 'the timeline strip marks the failed steps');
    t.regex(lines(s)[2] ?? '', /^step 4: tkesim> sigkey-sel\s+✗ failed/, 'the command is pinned at the top');
    const screen = s.screen();
    t.regex(screen, /Enter the password for KEYNUM 1:\n>\s*\nFAILED\nThe password for KEYNUM 1 is not valid\. The selection was not changed\./, 'the wrong password shows as a bare marker');
    // Wrapped at a word boundary, not cut: the whole sentence is on screen.
    t.regex(screen, /Enter the KEYNUM values to select as current signature keys, separated by\s*\nspaces:/);
    t.notRegex(lines(s).slice(3).join('\n').split('SEEDED')[0] ?? '', /…/, 'no transcript line is cut');
    for (const l of lines(s)) t.true(l.length <= 80);
    // Nothing is asked: the player moves on at once, and types nothing anywhere.
    await press(s, ']', /step 5\/22 · 2 mistakes/);
    t.notRegex(s.screen(), /Enter the password[^\n]*\n\s*$/m);
    await press(s, 'n', /step 13\/22 ✗ failed/);
    t.regex(lines(s)[2] ?? '', /^step 13: tkesim> cryptounit-mk-commit\s+✗ failed/);
    t.regex(s.screen(), /tkesim: Select more administrator signature keys with sigkey-sel so that their\s*\nnumber meets the threshold, then run the command again\./);
    await press(s, 'n', /step 13\/22/);
    await press(s, 'p', /step 4\/22 ✗ failed/);
    await press(s, 'p', /step 4\/22 ✗ failed/);
    await press(s, 'n', /step 13\/22 ✗ failed/);
    // Scrolling back through the step's output: earlier lines come into view, the command stays pinned.
    const bottom = s.screen();
    const m = s.mark();
    s.pty.write('\u001b[5~');
    await s.waitFor(/lines? up/, m);
    for (let last = ''; last !== s.screen();) {
      last = s.screen();
      await new Promise((r) => setTimeout(r, 120));
    }
    t.regex(lines(s)[2] ?? '', /^step 13: tkesim> cryptounit-mk-commit\s+✗ failed\s+↑ \d+ lines up/);
    t.not(s.screen(), bottom);
    t.notRegex(bottom, /KEYNUM 1 has been made the current signature key/);
    t.regex(s.screen(), /KEYNUM 1 has been made the current signature key/, 'the step before comes back into view');
    s.pty.write('\u001b[F');
    const deadline = Date.now() + 10_000;
    while (/lines? up/.test(lines(s)[2] ?? '')) {
      if (Date.now() > deadline) throw new Error(`End did not scroll back down:\n${s.screen()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    s.pty.write('q');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
});
