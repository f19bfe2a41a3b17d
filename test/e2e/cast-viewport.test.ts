/**
 * The cast player in the terminal it is given (node-pty): a cast recorded at 110x42 played at 80x24
 * shows a notice and an intact viewport onto the recording (drawn at its own size on a virtual
 * terminal); a terminal too small is refused with the size needed; a missing file is one sentence;
 * `--cast` take-over finds the journal beside the cast.
 */
import test from 'ava';
import xterm from '@xterm/headless';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, newHome, ROOT, tkesim } from '../helpers/cli.ts';
import { startShell, type Screen } from '../helpers/pty.ts';

test.before(ensureBuilt);

const W = 110;
const H = 42;
const pad = (n: number) => String(n).padStart(2, '0');

/** Every row of the recording says which it is, with text out to column 110. */
function castText(): string {
  const rows = [...Array(H).keys()].map((i) => `\u001b[${i + 1};1H\u001b[1mrow ${pad(i + 1)}\u001b[0m ${`cell-${pad(i + 1)} `.repeat(12)}`.slice(0, 200));
  const events = [
    [0, 'o', '\u001b[H\u001b[2J'],
    [0.5, 'm', 'step 1: cryptounits'],
    ...rows.map((r, i) => [0.5 + i * 0.01, 'o', r]),
    [2, 'o', `\u001b[${H};1H`],
  ];
  return [JSON.stringify({ version: 2, width: W, height: H, timestamp: 0, env: { TERM: 'xterm', SHELL: '/bin/sh' } }), ...events.map((e) => JSON.stringify(e))].join('\n') + '\n';
}

/** The recording as a 110x42 terminal shows it, rendered independently of tkesim. */
async function recordedScreen(text: string): Promise<string[]> {
  const term = new xterm.Terminal({ cols: W, rows: H, allowProposedApi: true });
  for (const line of text.split('\n').slice(1).filter((l) => l !== '')) {
    const [, code, data] = JSON.parse(line) as [number, string, string];
    if (code === 'o') await new Promise<void>((r) => term.write(data, r));
  }
  return [...Array(H).keys()].map((y) => term.buffer.active.getLine(y)?.translateToString(true) ?? '');
}

async function settle(s: Screen): Promise<void> {
  for (let last = ''; last !== s.screen();) {
    last = s.screen();
    await new Promise((r) => setTimeout(r, 150));
  }
}

test('a 110x42 cast at 80x24: a one-line notice and an intact viewport that follows the cursor and pans', async (t) => {
  const home = newHome();
  const file = join(home.dir, 'wide.cast');
  const text = castText();
  writeFileSync(file, text);
  const expected = await recordedScreen(text);
  const s = startShell(home, ['replay', file], 80, 24);
  try {
    await s.waitFor('row 42');
    await s.waitFor('wide.cast · end');
    await settle(s);
    const screen = s.screen().split('\n');
    t.is(screen[0]?.trimEnd(), 'recorded at 110x42: showing rows 21-42, cols 1-80 · h j k l pan');
    // The 22 rows between the notice and the status line are rows 21-42 of the recording, cut at 80 columns.
    t.deepEqual(screen.slice(1, 23).map((l) => l.trimEnd()), expected.slice(20, 42).map((l) => l.slice(0, 80).trimEnd()));
    t.regex(screen[23] ?? '', /^ wide\.cast · end · ×1 · \d+\/\d+ · space/);
    s.pty.write('k');
    await s.waitFor('showing rows 17-38');
    s.pty.write('l');
    await s.waitFor('showing rows 17-38, cols 9-88');
    await settle(s);
    const panned = s.screen().split('\n');
    t.deepEqual(panned.slice(1, 23).map((l) => l.trimEnd()), expected.slice(16, 38).map((l) => l.slice(8, 88).trimEnd()));
    s.pty.write('q');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
});

test('a terminal too small for even a viewport is refused with the size needed', async (t) => {
  const home = newHome();
  const file = join(home.dir, 'wide.cast');
  writeFileSync(file, castText());
  const s = startShell(home, ['replay', file], 30, 8);
  try {
    await s.waitFor('needs a terminal');
    t.is(await s.exited, 1);
    t.regex(s.output().replace(/\r?\n/g, ' ').replace(/\s+/g, ' '), /This recording is 110x42: it needs a terminal of at least 110x43 to play as recorded, or 40x10 to play through a viewport; this one is 30x8\./);
  } finally {
    s.close();
  }
});

test('a missing, unreadable or foreign file is one clear sentence', async (t) => {
  const home = newHome();
  const missing = await tkesim(home, ['replay', join(home.dir, 'gone.cast')]);
  t.is(missing.code, 1);
  t.is(missing.err, `tkesim replay: ${join(home.dir, 'gone.cast')} was not found.\n`);
  const dir = join(home.dir, 'folder.cast');
  mkdirSync(dir);
  const folder = await tkesim(home, ['replay', dir]);
  t.is(folder.err, `tkesim replay: ${dir} is a directory, not a recording.\n`);
  const foreign = join(home.dir, 'notes.cast');
  writeFileSync(foreign, 'hello\n');
  const notCast = await tkesim(home, ['replay', foreign]);
  t.regex(notCast.err, /notes\.cast is not an asciicast recording: The first line is not a JSON header/);
  for (const r of [missing, folder, notCast]) t.notRegex(r.err, /ENOENT|EISDIR|\n.*\n/);
});

test('--cast plays the terminal recording, and t takes over from the journal beside it', async (t) => {
  const home = newHome();
  const base = join(home.dir, 'kpi');
  copyFileSync(join(ROOT, 'sessions', 'key-part-init.cast'), `${base}.cast`);
  copyFileSync(join(ROOT, 'sessions', 'key-part-init.journal.jsonl'), `${base}.journal.jsonl`);
  const s = startShell(home, ['replay', `${base}.cast`, '--cast'], 120, 50);
  try {
    await s.waitFor('kpi.cast');
    s.pty.write('9');
    await s.waitFor(/kpi\.cast · (paused|playing|end)/);
    const m = s.mark();
    s.pty.write('t');
    await s.waitFor('You took over', m);
    await s.waitFor(/after step \d+ of 15/, m);
    await s.waitFor(/tkesim>\s*$/m, m);
    await s.typeLine('exit');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
});
