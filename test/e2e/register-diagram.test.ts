/** The register diagram in a real terminal at 80x24: `panel diagram`, F2 both ways, and a lesson that opens with it. */
import test from 'ava';
import { ensureBuilt, newHome, tkesim } from '../helpers/cli.ts';
import { startShell, type Screen } from '../helpers/pty.ts';

test.before(ensureBuilt);

/** Polls the visible screen until `accept` holds (no fixed sleep). */
async function screenWhere(s: Screen, accept: (screen: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const screen = s.screen();
    if (accept(screen)) return screen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The boxed diagram of two units, both registers Empty, row by row: no box line is wrapped or cut. */
const BOXED = [
  /^NEW     ┌ Empty ┐  key  ┌ Full Uncommitted ┐         ┌ Full Committed ┐$/,
  /^clrnew─▶│ 1 2   │─load─▶│                  │─commit─▶│                │$/,
  /^ {8}└───────┘ parts └──────────────────┘         └─┬──────┬───────┘$/,
  /^ {8}VP none +setimm │      │ rotate$/,
  /^ +│      │ re-encipher$/,
  /^CURRENT ┌ Empty ┐ +┌ Valid ─▼─┐  ┌─▼ key storage ┐$/,
  /^clrcur─▶│ 1 2   │ +│          │─▶│ KEYS 0\/0      │$/,
  /^ {8}└───────┘ +└──────────┘  └───────────────┘$/,
  /^ {8}VP none$/,
];

function boxedIntact(screen: string): boolean {
  const lines = screen.split('\n').map((l) => l.trimEnd());
  const start = lines.findIndex((l) => l.startsWith('NEW     ┌'));
  return start > 0 && /^SERVICE INSTANCE [0-9a-f]{8} configured the same$/.test(lines[start - 1] ?? '') && BOXED.every((re, i) => re.test(lines[start + i] ?? ''));
}

const tableShown = (screen: string) => /NUM TYPE MODE/.test(screen) && !screen.includes('┌ Full Uncommitted');

test('at 80x24 with two units: panel diagram and F2 switch views, and the diagram is whole on screen', async (t) => {
  const home = newHome();
  const init = await tkesim(home, ['sim', 'init', '--units', '2', '--recovery', '0', '--yes']);
  t.is(init.code, 0, init.out + init.err);
  const s = startShell(home, [], 80, 24);
  try {
    await s.waitFor('tkesim>');
    await screenWhere(s, tableShown, 'the table');
    await s.typeLine('panel diagram');
    let screen = await screenWhere(s, boxedIntact, 'the boxed diagram');
    t.regex(screen, /The panel draws the master key registers as a diagram/);
    t.regex(screen, /^region us-south │/m, 'the status line above it');
    t.regex(screen, /^tkesim> *$/m, 'the prompt below it');
    // Status line, diagram and prompt take at most 12 of the 24 rows: the rest is for output.
    const rows = screen.split('\n');
    const live = rows.findIndex((l) => /^tkesim> *$/.test(l)) - rows.findIndex((l) => l.startsWith('region')) + 1;
    t.true(live > 10 && live <= 12, `status line to prompt: ${live} rows`);

    s.pty.write('\u001bOQ'); // F2, as xterm sends it
    await screenWhere(s, tableShown, 'the table after F2');
    s.pty.write('\u001b[12~'); // F2, as rxvt sends it
    screen = await screenWhere(s, boxedIntact, 'the diagram after F2 again');
    t.false(screen.includes('NUM TYPE'), 'the table is gone');
    await s.typeLine('panel table');
    await screenWhere(s, tableShown, 'the table after "panel table"');
    await s.typeLine('panel');
    await screenWhere(s, boxedIntact, 'the diagram after "panel"');

    // A lesson on the registers opens with the diagram; under its box, at 24 rows, the states are chips.
    const beforeLesson = s.mark();
    await s.typeLine('lesson 5');
    const compact = /^NEW +\[Empty 1 2\]─load▶\[Full Uncommitted +\]─commit▶\[Full Committed +\]$/m;
    screen = await screenWhere(s, (sc) => compact.test(sc) && /^tkesim> *$/m.test(sc), 'the lesson with the compact diagram');
    t.regex(screen, /^╭─+╮$/m, 'the whole lesson box is still on screen');
    t.regex(screen, /^CURRENT \[Empty 1 2\] +\[Valid +\]─▶\[KEYS 0\/0\]$/m);
    t.false(s.output().slice(beforeLesson).includes('\u001b[2J'), 'no frame ran past the screen (Ink would clear it)');
    await s.typeLine('exit');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
});
