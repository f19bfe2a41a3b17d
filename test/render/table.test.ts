import test from 'ava';
import { renderTable } from '../../src/render/table.ts';
import { splitVp, vpCell, shortSki } from '../../src/render/vp.ts';
import { lines } from './fixtures.ts';

test('columns are padded to the widest entry plus three spaces; the last column only gets the three spaces', (t) => {
  const out = renderTable(['CRYPTO UNIT NUM', 'SELECTED', 'TYPE', 'LOCATION'], [
    ['1', 'true', 'OPERATIONAL', '[us-south].[AZ2-CS5].[02].[06]'],
    ['10', 'false', 'RECOVERY', '[us-east].[AZ1-CS1].[01].[07]'],
  ]);
  t.is(out, lines(
    'CRYPTO UNIT NUM   SELECTED   TYPE          LOCATION   ',
    '1                 true       OPERATIONAL   [us-south].[AZ2-CS5].[02].[06]   ',
    '10                false      RECOVERY      [us-east].[AZ1-CS1].[01].[07]   ',
  ));
});

test('a header alone, without rows', (t) => {
  t.is(renderTable(['KEYNUM', 'DESCRIPTION'], []), 'KEYNUM   DESCRIPTION   ');
});

test('an empty cell still takes its column and the gap', (t) => {
  t.is(renderTable(['CRYPTO UNIT NUM', 'ADMIN NAME', 'SUBJECT KEY IDENTIFIER'], [['1', 'No administrators', '']]), lines(
    'CRYPTO UNIT NUM   ADMIN NAME          SUBJECT KEY IDENTIFIER   ',
    '1                 No administrators      ',
  ));
});

test('a two-line cell puts its second line under its own column, other cells blank', (t) => {
  const vp = 'a'.repeat(32) + 'b'.repeat(32);
  const out = renderTable(['KEYNUM', 'DESCRIPTION', 'VERIFICATION PATTERN'], [
    ['1', 'First key', vpCell(vp)],
    ['2', 'second key', vpCell(vp)],
  ]);
  t.is(out, lines(
    'KEYNUM   DESCRIPTION   VERIFICATION PATTERN   ',
    `1        First key     ${'a'.repeat(32)}   `,
    `                       ${'b'.repeat(32)}   `,
    `2        second key    ${'a'.repeat(32)}   `,
    `                       ${'b'.repeat(32)}   `,
  ));
});

test('a multi-line cell in a middle column widens that column by its longest line', (t) => {
  t.is(renderTable(['A', 'B', 'C'], [['1', 'x\nlonger', 'z']]), lines(
    'A   B        C   ',
    '1   x        z   ',
    '    longer      ',
  ));
});

test('splitVp cuts 64 hex digits into two halves of 32', (t) => {
  const vp = '0123456789abcdef'.repeat(4);
  t.deepEqual(splitVp(vp), ['0123456789abcdef0123456789abcdef', '0123456789abcdef0123456789abcdef']);
  t.is(vpCell(vp), '0123456789abcdef0123456789abcdef\n0123456789abcdef0123456789abcdef');
});

test('shortSki keeps 30 hex digits', (t) => {
  t.is(shortSki('754adadbd731a5344c2e606b51993cffffffffffffffffffffffffffffffffff'), '754adadbd731a5344c2e606b51993c...');
});
