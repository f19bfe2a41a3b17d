import test from 'ava';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, newHome, ROOT } from '../helpers/cli.ts';
import { pressInReplay, replayHeader, startShell, type Screen } from '../helpers/pty.ts';

test.before(ensureBuilt);

const JOURNAL = join(ROOT, 'sessions', 'key-part-init.journal.jsonl');
const header = replayHeader;
const press = pressInReplay;
const row = (s: Screen, n: number) => s.screen().split('\n').find((l) => new RegExp(`^\\S*\\s+${n}\\s+OPER`).test(l)) ?? '';

test('replay keys through a terminal: pause, steps, jump, one event, speed; the panel shows each step; t takes over at that step', async (t) => {
  const home = newHome();
  const s = startShell(home, ['replay', JOURNAL, '--speed', '0.25'], 120, 44);
  try {
    await s.waitFor('REPLAY');
    await press(s, ' ', /paused/);
    await press(s, ']', /step 1\/15 · ❚❚ paused/);
    await press(s, ']', /step 2\/15/);
    t.regex(row(s, 1), /^●/, 'after cryptounit-add, unit 1 is selected');
    await press(s, '8', /step 12\/15/);
    t.regex(row(s, 1), /Full Uncommitted/);
    await press(s, ']', /step 13\/15/);
    t.regex(row(s, 1), /Full Committed/);
    await press(s, '[', /step 12\/15/);
    t.regex(row(s, 1), /Full Uncommitted/, 'stepping back shows the earlier register');
    await press(s, '0', /step 0\/15/);
    t.regex(row(s, 1), /^○.*imprint/i);
    await press(s, '9', /step 14\/15/);
    const one = s.mark();
    s.pty.write('.');
    await s.waitFor('demo: 15. Check the crypto units', one);
    t.notRegex(s.screen(), /tkesim> cryptounit-compare/, 'one event at a time: first the demo step');
    s.pty.write('.');
    await s.waitFor('tkesim> cryptounit-compare', one);
    t.regex(header(s), /step 14\/15 · ❚❚ paused/);
    await press(s, '+', /×0\.5 /);
    await press(s, '+', /×1 /);
    await press(s, '+', /×2 /);
    await press(s, '-', /×1 /);
    await press(s, '5', /step 8\/15/);
    t.regex(row(s, 1), /secured\s+2\/8\s+2\/2\s+Empty\s+Empty/);
    const m = s.mark();
    s.pty.write('t');
    await s.waitFor('You took over', m);
    await s.waitFor(/tkesim>\s*$/m, m);
    t.regex(s.screen(), /after step 8 of 15/);
    t.regex(s.screen(), /training values/);
    const m2 = s.mark();
    await s.typeLine('mks');
    const listed = await s.waitFor('No files containing an EP11 master key part were found', m2);
    await s.waitFor(/tkesim>\s*$/m, listed);
    const m3 = s.mark();
    await s.typeLine('mk-add --random');
    await s.waitFor('description for the key part', m3);
    await s.typeLine('live part');
    await s.waitFor('password to protect', m3);
    await s.typeLine('pw-live-1');
    await s.waitFor('Re-enter', m3);
    await s.typeLine('pw-live-1');
    const created = await s.waitFor(/^OK$/m, m3);
    await s.waitFor(/tkesim>\s*$/m, created);
    await s.typeLine('exit');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
});

test('a .cast without a journal plays with pause, markers and quit; take-over says it needs the journal', async (t) => {
  const home = newHome();
  const cast = join(home.dir, 'alone.cast');
  copyFileSync(join(ROOT, 'sessions', 'rotation.cast'), cast);
  const s = startShell(home, ['replay', cast], 120, 50);
  try {
    await s.waitFor('alone.cast');
    s.pty.write(' ');
    await s.waitFor(/alone\.cast · paused/);
    s.pty.write('0');
    await s.waitFor(/· paused · ×1 · 0\/\d+/);
    // Marker by marker, to the first command of the demo (after its setup).
    let shown = 0;
    for (let i = 0; i < 10 && !/tkesim> cryptounit-compare/.test(s.screen()); i++) {
      const m = s.mark();
      s.pty.write(']');
      await s.waitFor(/· paused · ×1 · \d+\/\d+/, m);
      const now = Number(/· (\d+)\/\d+ ·/.exec(s.screen())?.[1] ?? -1);
      t.true(now > shown, `] moves forward (${shown} -> ${now})`);
      shown = now;
    }
    t.regex(s.screen(), /tkesim> cryptounit-compare/);
    const m = s.mark();
    s.pty.write('t');
    await s.waitFor('take over needs the session\'s journal', m);
    s.pty.write('9');
    await s.waitFor('Master key rotation successful');
    s.pty.write('q');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
});

test('a recording that opens files from before it started plays without asking for anything, and take-over uses stand-ins', async (t) => {
  const { workspace, run, PASSWORDS } = await import('../helpers/session.ts');
  const { Recorder } = await import('../../src/record/recorder.ts');
  const { CastWriter } = await import('../../src/record/cast-writer.ts');
  const w = await workspace('asks');
  await run(w.controller, 'sigkey-add', ['Alice', PASSWORDS.alice, PASSWORDS.alice]);
  const journal = join(w.dir, 'asks.journal.jsonl');
  const recorder = new Recorder({ sink: new CastWriter(join(w.dir, 'asks.cast'), { width: 80, height: 24 }), castFile: null, journalFile: journal, title: 'asks', env: w.env });
  await recorder.attach(w.controller);
  await run(w.controller, 'sigkey-sel', ['1', PASSWORDS.alice]);
  recorder.stop();

  const s = startShell(newHome(), ['replay', journal], 110, 40);
  try {
    const m = await s.waitFor(/REPLAY asks · step 0\/1/);
    t.notRegex(s.output(), /Enter the password/);
    s.pty.write(']');
    await s.waitFor(/step 1\/1/, m);
    t.notRegex(s.screen(), /INTEGRITY/);
    s.pty.write('t');
    await s.waitFor(/standin-key-1/, m);
    await s.waitFor('tkesim>', m);
    await s.typeLine('exit');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
});
