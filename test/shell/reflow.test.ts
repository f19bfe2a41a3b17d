import test from 'ava';
import { reflow } from '../../src/shell/reflow.ts';

const LONG = 'FAILED\nThe password for the signature key identified by Alice Admin (0123456789abcdef0123456789abcd...) is not valid. Nothing was sent to the crypto units; run the command again.';

for (const width of [80, 110, 40]) {
  test(`at ${width} columns: no row is wider, none begins with a stray space, no word is split`, (t) => {
    const rows = reflow(LONG, width).split('\n');
    t.true(rows.every((r) => r.length <= width), rows.join('|'));
    t.true(rows.every((r) => !r.startsWith(' ')), rows.join('|'));
    const words = LONG.split(/\s+/);
    t.deepEqual(rows.join(' ').split(/\s+/), words, 'the same words, none cut in two');
  });
}

test('an indented line keeps its indent, and wrapped rows hang under a label', (t) => {
  const rows = reflow('  Do:  select crypto units 1 and 2 with cryptounit-add, then list them again with cryptounits to check', 40).split('\n');
  t.true(rows.length > 1);
  t.true(rows[0]?.startsWith('  Do:  select'));
  t.true(rows.slice(1).every((r) => r.startsWith('       ') && r[7] !== ' '), rows.join('|'));
});

test('short lines and tables are left exactly as they are', (t) => {
  const table = 'KEYNUM   DESCRIPTION   SUBJECT KEY IDENTIFIER\n1        Alice         0123...';
  t.is(reflow(table, 80), table);
});

test('a word longer than a row is split, only then', (t) => {
  const rows = reflow(`x ${'a'.repeat(50)}`, 20).split('\n');
  t.true(rows.every((r) => r.length <= 20));
});
