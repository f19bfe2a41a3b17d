import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDemo } from '../../src/demo/demo-check.ts';
import { ROOT } from '../helpers/cli.ts';
import '../helpers/session.ts';

const SCRIPT = `title: checked
seed: check-test
training alice = Alice-check-pw-1

## Select
$ cryptounit-add
> 1 2

## A key for Alice
$ sigkey-add
> Alice
> @alice
> @alice

## Select her key
$ sigkey-sel
> 1
> @alise

## A refusal the script expects
$ cryptounit-mk-commit
expect: failed

## A refusal the script does not expect
$ cryptounit-mk-commit
> @alice
`;

test('--check names every problem with its line: an unknown training value, a prompt with no answer, an answer never asked for, an unexpected outcome', async (t) => {
  const { problems } = await checkDemo(SCRIPT, process.env);
  const at = (line: number) => problems.filter((p) => p.line === line).map((p) => p.message);
  t.deepEqual(at(18), ['no training value named "alise" (declare it with: training alise = VALUE)']);
  t.is(problems.filter((p) => p.line === 21 || p.line === 22).length, 0, 'an expected refusal is no problem');
  t.true(at(25).some((m) => /^step 5 "A refusal the script does not expect": "cryptounit-mk-commit" ended FAILED \(.+\); the script expects OK$/.test(m)), problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
  t.true(at(26).some((m) => /never asked for/.test(m)));
  t.true(problems.every((p, i) => i === 0 || (problems[i - 1]?.line ?? 0) <= p.line), 'in line order');
});

test('--check: a removed answer is reported at its step\'s command, with where to add it', async (t) => {
  const text = readFileSync(join(ROOT, 'sessions', 'demos', 'rotation.demo'), 'utf8');
  t.deepEqual((await checkDemo(text, process.env)).problems, [], 'the shipped demo is clean');
  const lines = text.split('\n');
  const load = lines.findIndex((l, i) => l === '$ cryptounit-mk-load' && lines[i + 1] === '> 3 4');
  const removed = lines.filter((_, i) => i !== load + 4);
  t.is(lines[load + 4], '> @part4');
  const { problems } = await checkDemo(removed.join('\n'), process.env);
  const first = problems[0];
  t.is(first?.line, load + 1);
  t.regex(first?.message ?? '', /"cryptounit-mk-load" asked "Enter the password for key file 2" and the script has no answer for it .*after line \d+/);
  t.regex(first?.message ?? '', new RegExp(`after line ${load + 4}`));
});

test('--check: an answer never asked for, and an expected text that is not in the output', async (t) => {
  const { problems } = await checkDemo(`seed: check-2
## Select
$ cryptounit-add
> 1 2
> 3
## Show
$ cryptounits
expect: ok no such text
`, process.env);
  t.deepEqual(problems.map((p) => p.line), [5, 8]);
  t.regex(problems[0]?.message ?? '', /never asked for/);
  t.regex(problems[1]?.message ?? '', /does not contain "no such text"/);
});
