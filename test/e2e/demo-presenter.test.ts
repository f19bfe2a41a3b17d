import test from 'ava';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, newHome, ROOT, tkesim } from '../helpers/cli.ts';
import { startShell, type Screen } from '../helpers/pty.ts';

test.before(ensureBuilt);

const ROTATION = join(ROOT, 'sessions', 'demos', 'rotation.demo');
const lines = (s: Screen) => s.screen().split('\n');
const footer = (s: Screen) => lines(s).filter((l) => l.trim() !== '').pop() ?? '';

/** Waits until the screen satisfies `ok` (the screen, not the output so far: a frame may arrive in parts). */
async function screenShows(s: Screen, ok: (screen: string) => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok(s.screen())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${s.screen()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Presses a key; waits until the footer matches. */
async function press(s: Screen, key: string, want: RegExp): Promise<void> {
  s.pty.write(key);
  await screenShows(s, () => want.test(footer(s)), `footer ${String(want)} after ${JSON.stringify(key)}`);
}

/** SGR parameters that set a colour or dim text. */
function colourAndDim(raw: string): { colour: string[]; dim: string[] } {
  const colour: string[] = [];
  const dim: string[] = [];
  for (const m of raw.matchAll(/\u001b\[([0-9;]*)m/g)) {
    const params = (m[1] ?? '').split(';').map(Number);
    for (const p of params) {
      if (p === 2) dim.push(m[0]);
      if ((p >= 30 && p <= 38) || (p >= 40 && p <= 48) || (p >= 90 && p <= 97) || (p >= 100 && p <= 107)) colour.push(m[0]);
    }
  }
  return { colour, dim };
}

const NEXT_KEYS = [' ', '\r', '\u001b[C', '\u001b[B', '\u001b[6~'];

test('the rotation demo at 80x24 with NO_COLOR: after each step its command line and its outcome are on screen; no colour, no dim', async (t) => {
  const script = readFileSync(ROTATION, 'utf8');
  const steps = script.split('\n## ').slice(1).filter((s) => !s.startsWith('setup:')).map((s) => ({ title: s.split('\n')[0] ?? '', command: /^\$ (.*)$/m.exec(s)?.[1] ?? '' }));
  t.is(steps.length, 8);
  const s = startShell(newHome(), ['demo', ROTATION, '--typing', '1'], 80, 24, { NO_COLOR: '1', FORCE_COLOR: '1' });
  try {
    await screenShows(s, (x) => x.includes('Next: step 1/8 · Check the pre-conditions'), 'the first step');
    for (const [i, step] of steps.entries()) {
      const n = i + 1;
      await press(s, NEXT_KEYS[i % NEXT_KEYS.length] ?? ' ', n < steps.length ? new RegExp(`^Next: step ${n + 1}/8`) : /^The end \(8 steps\)/);
      const screen = lines(s);
      t.true(screen.some((l) => l.startsWith(`│ step ${n}/8 · ${step.title.slice(0, 40)}`) && l.includes('✓ OK')), `step ${n}: the box shows the step that ran\n${s.screen()}`);
      t.true(screen.includes(`tkesim> ${step.command}`), `step ${n}: its command line\n${s.screen()}`);
      if (!['cryptounit-compare', 'sim keys check', 'cryptounit-mk'].includes(step.command)) t.true(screen.includes('OK'), `step ${n}: its OK line\n${s.screen()}`);
      if (step.command === 'cryptounit-mk-rotate') {
        for (const line of ['Master key rotation started.', 'KMS CRK rewrap successful, waiting on cryptounit-mk-setimm.', 'Master key rotation successful.']) t.true(screen.includes(line), line);
      }
      t.is(screen.filter((l) => /^[●○]/.test(l)).length, 4, `step ${n}: the compact panel, one line per unit`);
    }
    const { colour, dim } = colourAndDim(s.output());
    t.deepEqual(dim, [], 'nothing dim');
    t.deepEqual(colour, [], 'no colour');
    t.true(/\u001b\[1m/.test(s.output()), 'attributes other than colour and dim are still drawn (the check sees SGR codes)');
    s.pty.write('q');
    await screenShows(s, (x) => x.includes('Press q again to quit'), 'the question');
    s.pty.write('q');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
});

test('keys: PageUp goes back, Escape does nothing, one q does not quit, t asks first; after a take-over "exit" returns to the same step', async (t) => {
  const s = startShell(newHome(), ['demo', ROTATION, '--from', '2', '--typing', '1'], 80, 24, { FORCE_COLOR: '1' });
  try {
    await screenShows(s, (x) => x.includes('Next: step 2/8 · Create the first new master key part'), '--from 2');
    t.regex(s.screen(), /Already done: 14 steps/);
    await press(s, '\u001b[6~', /^Next: step 3\/8/);
    await press(s, '\u001b[5~', /^Space: run step 2\/8/);
    t.regex(s.screen(), /back: step 2 is next again/);
    s.pty.write('\u001b');
    s.pty.write('x');
    await press(s, ' ', /^Next: step 3\/8/);
    t.regex(s.screen(), /│ step 2\/8 · Create the first new master key part ✓ OK/, 'Escape and x neither went back nor on');
    s.pty.write('q');
    await screenShows(s, () => /Press q again to quit/.test(footer(s)), 'q asks');
    await press(s, 'x', /^Next: step 3\/8/);
    s.pty.write('t');
    await screenShows(s, () => /Press t again to take over/.test(footer(s)), 't asks');
    const m = s.mark();
    s.pty.write('t');
    await s.waitFor('You took over the demo', m);
    await s.waitFor(/tkesim>\s*$/m, m);
    t.regex(s.screen(), /after step 2 of 8/);
    t.regex(s.screen(), /part4\s+Part-four-training/, 'the training values are listed');
    await s.typeLine('sim keys create 3');
    const made = await s.waitFor('3 root key(s) were created', m);
    await s.waitFor(/tkesim>\s*$/m, made);
    await s.typeLine('exit');
    await s.waitFor(/Return to the demo at step 2 of 8\? It goes on in the script's own world: the changes made live are discarded/, made);
    const back = s.mark();
    s.pty.write('y');
    await screenShows(s, (x) => x.includes('back in the script after step 2: the changes made live were discarded'), 'the demo again');
    t.true(lines(s).filter((l) => /^●/.test(l)).every((l) => l.includes('25/25')), `the live keys are gone\n${s.screen()}`);
    await press(s, ' ', /^Next: step 4\/8/);
    t.regex(s.screen(), /│ step 3\/8 · Create the second new master key part ✓ OK/, 'it resumed at the step where it was left');
    const { colour, dim } = colourAndDim(s.output().slice(0, m));
    t.true(colour.length > 0, 'in colour');
    t.deepEqual(dim, [], 'but nothing dim: typed commands and answers are in normal intensity');
    t.deepEqual(colourAndDim(s.output().slice(back)).dim, [], 'nor after the return');
    s.pty.write('q');
    await screenShows(s, () => /Press q again/.test(footer(s)), 'q asks');
    s.pty.write('\u0003');
    t.is(await s.exited, 0, 'Ctrl-C confirms like q');
  } finally {
    s.close();
  }
});

const NOTES = `title: Notes
seed: e2e-notes
training carol = Carol-notes-pw-3

## One
The crypto units of the instance.
note: first note
$ cryptounits

## Two
Select both operational units.
note: second note
$ cryptounit-add
> 1 2

## Three
A signature key for Carol.
note: third note, never Carol-notes-pw-3
$ sigkey-add
> Carol
> @carol
> @carol
`;

test('tkesim presenter follows the demo: step N\'s notes at step N, step N+1\'s after a key; a resize redraws the demo whole', async (t) => {
  const home = newHome();
  const file = join(home.dir, 'notes.demo');
  writeFileSync(file, NOTES);
  const demo = startShell(home, ['demo', file, '--typing', '1'], 120, 36);
  let presenter: Screen | null = null;
  try {
    await screenShows(demo, (x) => x.includes('Next: step 1/3 · One'), 'the demo');
    presenter = startShell(home, ['presenter'], 80, 24);
    const p = presenter;
    await screenShows(p, (x) => /NOW {3}step 1\/3 · One · up next/.test(x) && x.includes('• first note') && /NEXT {2}step 2\/3 · Two/.test(x), 'step 1 in the presenter view');
    t.notRegex(demo.screen(), /first note/, 'the audience sees no notes without --notes');
    await press(demo, ' ', /^Next: step 2\/3/);
    await screenShows(p, (x) => /NOW {3}step 1\/3 · One · done/.test(x) && x.includes('• first note'), 'step 1 done');
    await press(demo, ' ', /^Next: step 3\/3/);
    await screenShows(p, (x) => /NOW {3}step 2\/3 · Two · done/.test(x) && x.includes('• second note') && x.includes('• third note'), 'step 2 after a key');
    t.notRegex(p.screen(), /first note/);

    demo.resize(80, 24);
    const top = `╭${'─'.repeat(78)}╮`;
    await screenShows(demo, (x) => x.split('\n')[0] === top && /^Next: step 3\/3/.test(x.split('\n').filter((l) => l.trim()).pop() ?? ''), 'the frame at 80x24');
    const screen = lines(demo);
    t.is(screen.filter((l) => l.startsWith('╭')).length, 1, `one box\n${demo.screen()}`);
    const bottom = screen.findIndex((l) => l.startsWith('╰'));
    t.is(screen[bottom], `╰${'─'.repeat(78)}╯`);
    t.true(screen.slice(1, bottom).every((l) => l.startsWith('│ ') && l.length === 80 && l.endsWith('│')), 'the box is intact');
    t.true(screen.some((l) => l.startsWith('│ step 2/3 · Two ✓ OK')));
    t.is(screen.filter((l) => l.startsWith('SERVICE INSTANCE')).length, 1);
    t.is(screen.filter((l) => /^[●○]/.test(l)).length, 4, 'the compact panel: one line per unit');
    t.false(screen.some((l) => l.includes('ADMIN NAMES') || l.includes('OPERATIONAL')), 'nothing left of the wide layout');
    t.true(screen.every((l) => l.length <= 80));

    await press(demo, ' ', /^The end/);
    await screenShows(p, (x) => /NOW {3}step 3\/3 · Three · done/.test(x) && x.includes('NEXT  the end of the demo'), 'the last step');
    t.false(p.output().includes('Carol-notes-pw-3') || readFileSync(join(home.dir, 'presenter.json'), 'utf8').includes('Carol-notes-pw-3'), 'no training value in the channel');
    demo.pty.write('qq');
    t.is(await demo.exited, 0);
    await screenShows(p, (x) => x.includes('No demo is running'), 'the presenter view sees the demo end');
    p.pty.write('q');
    t.is(await p.exited, 0);
  } finally {
    demo.close();
    presenter?.close();
  }
});

test('tkesim watch follows the world live: a change made by one-shot commands in another terminal shows up', async (t) => {
  const home = newHome();
  await tkesim(home, ['cryptounits']);
  const s = startShell(home, ['watch'], 100, 30);
  try {
    await screenShows(s, (x) => x.includes('waiting for a change from another terminal') && (x.match(/OPERATIONAL/g) ?? []).length === 2, 'the cards');
    t.is((await tkesim(home, ['cryptounit-add', '1', '2'])).code, 0);
    await screenShows(s, (x) => (x.match(/● selected/g) ?? []).length === 2, 'the selection');
    t.is((await tkesim(home, ['sigkey-add'], ['Alice', 'watch-pw-1', 'watch-pw-1'])).code, 0);
    t.is((await tkesim(home, ['cryptounit-admin-add'], ['1', 'watch-pw-1'])).code, 0);
    await screenShows(s, (x) => (x.match(/ADM {2}1\/8 Alice/g) ?? []).length === 2 && /» \d\d:\d\d:\d\d units 1, 2 admins 0 -> 1 \(added Alice\)/.test(x), 'the new administrator');
    t.false(s.output().includes('watch-pw-1'));
    s.pty.write('q');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
});

test('demo --check exits 0 on a clean script and 1, naming the line, when an answer is missing; presenter and watch have --help', async (t) => {
  const home = newHome();
  const clean = await tkesim(home, ['demo', ROTATION, '--check']);
  t.is(clean.code, 0, clean.out + clean.err);
  t.regex(clean.out, /OK: every step ran as the script expects/);
  const text = readFileSync(ROTATION, 'utf8').split('\n');
  const commit = text.indexOf('$ cryptounit-mk-commit', text.indexOf('## Commit the new master key register'));
  const broken = join(home.dir, 'broken.demo');
  writeFileSync(broken, text.filter((_, i) => i !== commit + 2).join('\n'));
  const r = await tkesim(home, ['demo', broken, '--check']);
  t.is(r.code, 1);
  t.true(r.out.includes(`broken.demo:${commit + 1}: step 5 "Commit the new master key register": "cryptounit-mk-commit" asked "Enter the password for the signature key identified by:" and the script has no answer for it`), r.out);
  for (const cmd of ['presenter', 'watch']) {
    const help = await tkesim(home, [cmd, '--help']);
    t.is(help.code, 0);
    t.regex(help.out, new RegExp(`USAGE: tkesim ${cmd}`));
  }
});
