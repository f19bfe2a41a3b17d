/** `tkesim learn` without a terminal: the list with progress (exit 0); a lesson needs a terminal (exit 2). */
import test from 'ava';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, newHome, tkesim } from '../helpers/cli.ts';

test.before(ensureBuilt);

test('tkesim learn without a terminal lists the lessons with progress and exits 0', async (t) => {
  const home = newHome();
  mkdirSync(join(home.dir, 'lessons'));
  writeFileSync(join(home.dir, 'lessons', 'progress.json'), JSON.stringify({
    format: 'tkesim-lesson-progress', version: 1, lessons: { '02-administrators': { attempts: 3, completed: true, best: 88, solutionSeen: false } },
  }));
  const r = await tkesim(home, ['learn']);
  t.is(r.code, 0, r.err);
  t.regex(r.out, /^tkesim lessons: 1 of 8 completed\./);
  t.regex(r.out, / 2 +Signature keys and administrators, in imprint mode +completed +88\/100/);
  t.regex(r.out, / 8 +Recovering from mistakes +not started/);
  t.regex(r.out, /Start a lesson with: tkesim learn N/);
  t.is((await tkesim(home, ['learn', '--list'])).code, 0);
});

test('tkesim learn N needs a terminal; an unknown lesson is a usage error', async (t) => {
  const home = newHome();
  const r = await tkesim(home, ['learn', '3']);
  t.is(r.code, 2);
  t.regex(r.err, /tkesim learn 3 needs a terminal/);
  const bad = await tkesim(home, ['learn', '42']);
  t.is(bad.code, 2);
  t.regex(bad.err, /"42" is not a lesson/);
  const help = await tkesim(home, ['learn', '--help']);
  t.is(help.code, 0);
  t.regex(help.out, /USAGE: tkesim learn/);
});
