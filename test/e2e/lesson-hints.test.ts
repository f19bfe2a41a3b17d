/**
 * End to end through node-pty: a trainee completes lesson 3 using only hints. The test knows
 * nothing of the lesson: it asks for hints until the exact answers show, reads them off the
 * screen, and types them, answering each prompt as it appears.
 */
import test from 'ava';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, newHome } from '../helpers/cli.ts';
import { startShell, type Screen } from '../helpers/pty.ts';

test.before(ensureBuilt);

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]|\r/g;
/** Every TKE prompt starts with "Enter" or ends with "Answer [y/N]:". */
const PROMPT = /Enter |Answer \[y\/N\]:/;

/**
 * Waits until the shell is idle: the screen's last line is the bare `tkesim>` prompt (it shows `…`
 * while a command or a shell word is still finishing, and a line typed then is discarded).
 */
async function idle(s: Screen): Promise<number> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const last = s.screen().split('\n').map((l) => l.trimEnd()).filter((l) => l !== '').pop() ?? '';
    if (last === 'tkesim>') return s.mark();
    if (Date.now() > deadline) throw new Error(`the prompt did not come back:\n${s.screen()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The output between two raw offsets, without escape sequences. */
const plain = (s: Screen, from: number, to?: number) => s.output().slice(from, to).replace(ANSI, '');

/** Types `hint` until the third tier shows; returns the command line and the answers it gives. */
async function exactAnswers(s: Screen): Promise<{ line: string; answers: string[] }> {
  for (let i = 0; i < 3; i++) {
    const m = s.mark();
    await s.typeLine('hint');
    await s.waitFor(/Hint \d\/3 for step \d+/, m);
    const end = await idle(s);
    const text = plain(s, m, end);
    if (!text.includes('Hint 3/3')) continue;
    const lines = text.slice(text.indexOf('Hint 3/3')).split('\n');
    const at = lines.findIndex((l) => l.startsWith('  tkesim> '));
    const line = (lines[at] ?? '').slice('  tkesim> '.length).trim();
    const answers: string[] = [];
    for (const l of lines.slice(at + 1)) {
      const a = /^ {2}> (\S(?:.*?\S)?)(?: {3,}\(.*\))?\s*$/.exec(l);
      if (!a) break;
      answers.push(a[1] ?? '');
    }
    return { line, answers };
  }
  throw new Error(`no exact answers after three hints:\n${s.screen()}`);
}

/** Types a line, then each answer once its prompt shows; waits for the idle prompt. */
async function follow(s: Screen, line: string, answers: readonly string[]): Promise<string> {
  const start = s.mark();
  let m = start;
  await s.typeLine(line);
  for (const answer of answers) {
    await s.waitFor(PROMPT, m);
    m = s.mark();
    await s.typeLine(answer);
  }
  await s.waitFor(/^(OK|FAILED)$/m, start);
  const end = await idle(s);
  return plain(s, start, end);
}

test('a trainee completes lesson 3 using only hints; the score and progress are kept; the sandbox is untouched', async (t) => {
  const home = newHome();
  const s = startShell(home, ['learn', '3'], 120, 40, { TKESIM_LESSON_PLAY_MS: '0' });
  try {
    await s.waitFor('Lesson 3 of 8');
    await idle(s);
    for (let step = 0; step < 6 && !s.output().includes('Lesson 3 complete!'); step++) {
      const { line, answers } = await exactAnswers(s);
      t.truthy(line, 'the third hint names a command');
      const out = await follow(s, line, answers);
      t.regex(out, /^OK$/m, `${line} succeeded:\n${out}`);
    }
    await s.waitFor('Lesson 3 complete!');
    const score = await s.waitFor(/Score: \d+\/100/);
    t.regex(plain(s, 0), /What to improve:[\s\S]*hints?\./, 'the summary says what to improve: the hints used');
    t.regex(s.screen(), /✔1 ✔2 ✔3\s+complete/, 'the panel shows every step done');
    t.true(score > 0);

    await s.typeLine('exit');
    t.is(await s.exited, 0);
    const progress = JSON.parse(readFileSync(join(home.dir, 'lessons', 'progress.json'), 'utf8')) as { lessons: Record<string, { completed: boolean; best: number }> };
    t.true(progress.lessons['03-thresholds']?.completed);
    t.true((progress.lessons['03-thresholds']?.best ?? 100) < 100, 'hints cost points');
    t.true(existsSync(join(home.dir, 'lessons', '03-thresholds', 'world.json')), 'the lesson has its own world');
    t.false(existsSync(join(home.dir, 'world.json')), 'the sandbox world was never created');
  } finally {
    s.close();
  }
});
