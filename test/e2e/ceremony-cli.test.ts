/** `tkesim ceremony` without a terminal: the list of shipped scripts, --check of each, a broken script named by its line. */
import test from 'ava';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, newHome, ROOT, tkesim } from '../helpers/cli.ts';

test.before(ensureBuilt);

const SHIPPED = ['key-part-init', 'rotation', 'recover-zeroized-unit'];

test('tkesim ceremony lists the shipped scripts', async (t) => {
  const r = await tkesim(newHome(), ['ceremony']);
  t.is(r.code, 0, r.err);
  for (const name of SHIPPED) t.regex(r.out, new RegExp(`^  ${name} +\\S`, 'm'));
  t.regex(r.out, /key-part-init +Key-part initialization of a new instance/);
  t.regex(r.out, /14 steps, 8 people, on a fresh world \(seed ceremony-key-part-init/);
});

test('--check validates each shipped script and dry-runs it to the end', async (t) => {
  for (const name of SHIPPED) {
    const r = await tkesim(newHome(), ['ceremony', name, '--check']);
    t.is(r.code, 0, `${name}: ${r.out}${r.err}`);
    t.regex(r.out, /the script is valid/);
    t.regex(r.out, /OK: the dry run completed all \d+ steps with no exception\./);
  }
});

test('a broken script fails with its line; a failing dry run says where and why; a ceremony needs a terminal', async (t) => {
  const home = newHome();
  const text = readFileSync(join(ROOT, 'sessions', 'ceremonies', 'key-part-init.yaml'), 'utf8');
  const broken = join(home.dir, 'broken.yaml');
  writeFileSync(broken, text.replace('role: internal witness', 'role: notary'));
  const line = text.split('\n').findIndex((l) => l.includes('role: internal witness')) + 1;
  const r = await tkesim(home, ['ceremony', broken, '--check']);
  t.is(r.code, 2);
  t.true(r.err.includes(`broken.yaml:${line}: Walter: unknown role "notary".`), r.err);

  const differs = join(home.dir, 'differs.yaml');
  writeFileSync(differs, text.replace('commands: [cryptounit-add 1 2]', 'commands: [cryptounit-add 1]'));
  const d = await tkesim(home, ['ceremony', differs, '--check']);
  t.is(d.code, 1, d.out);
  t.regex(d.out, /FAILED: the dry run stopped at step 2\./);
  t.regex(d.out, /exception 1 \(step 2, Olivia, state differs\): after step 2's commands the state is not as the script expects: units 1 and 2 selected/);

  const n = await tkesim(home, ['ceremony', 'key-part-init']);
  t.is(n.code, 2);
  t.regex(n.err, /needs a terminal/);
  const u = await tkesim(home, ['ceremony', 'no-such-ceremony']);
  t.is(u.code, 2);
  t.regex(u.err, /is neither a script file nor a shipped script/);
});
