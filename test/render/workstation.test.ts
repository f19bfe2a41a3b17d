import test from 'ava';
import { SETIMM_WARNING } from '../../src/render/warnings.ts';
import { renderKeyPartTable, renderKeyParts, renderSignatureKeys } from '../../src/render/workstation.ts';
import { lines } from './fixtures.ts';

const keys = [
  { keynum: 2, name: 'mary major', ski: 'b'.repeat(64) },
  { keynum: 1, name: 'john smith', ski: '754adadbd731a5344c2e606b51993c' + 'f'.repeat(34) },
];
const TABLE = lines(
  'KEYNUM   DESCRIPTION   SUBJECT KEY IDENTIFIER   ',
  '1        john smith    754adadbd731a5344c2e606b51993c...   ',
  '2        mary major    bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb...   ',
);

test('sigkeys: none on the workstation', (t) => {
  t.is(renderSignatureKeys([], new Set()), lines(
    'No files containing a signature key were found.',
    '',
    "To create a file containing a signature key, use the 'ibmcloud tke sigkey-add' command.",
  ));
});

test('sigkeys: none selected', (t) => {
  t.is(renderSignatureKeys(keys, new Set()), lines(TABLE, '', 'No KEYNUM are selected as current signature keys.', ''));
});

test('sigkeys: one selected', (t) => {
  t.is(renderSignatureKeys(keys, new Set([keys[1]!.ski])), lines(TABLE, '', 'KEYNUM 1 is selected as the current signature key.', ''));
});

test('sigkeys: several selected', (t) => {
  const selected = new Set([keys[0]!.ski, keys[1]!.ski, 'f'.repeat(64)]);
  t.is(renderSignatureKeys(keys, selected), lines(TABLE, '', 'KEYNUM 1 2 are selected as the current signature keys.', ''));
});

test('mks: none on the workstation', (t) => {
  t.is(renderKeyParts([]), 'No files containing an EP11 master key part were found.');
});

test('mks: intro and table with two-line verification patterns', (t) => {
  const parts = [
    { keynum: 1, description: 'First key', vp: '34c73048e81a08b69243dae23e8943bb8874261d58bca67c4d308071ff2b6462' },
    { keynum: 2, description: 'second key', vp: 'ce7b7d2198de8f46195667e725b593fccfbc10e9c211d9bf80b358c2513ac18c' },
  ];
  t.is(renderKeyParts(parts), lines(
    'The available EP11 master key parts on this workstation are:',
    '',
    'KEYNUM   DESCRIPTION   VERIFICATION PATTERN   ',
    '1        First key     34c73048e81a08b69243dae23e8943bb   ',
    '                       8874261d58bca67c4d308071ff2b6462   ',
    '2        second key    ce7b7d2198de8f46195667e725b593fc   ',
    '                       cfbc10e9c211d9bf80b358c2513ac18c   ',
  ));
});

test('the mks table alone, as cryptounit-mk-load shows it (no intro line)', (t) => {
  const parts = [{ keynum: 2, description: 'part two', vp: 'b'.repeat(64) }, { keynum: 1, description: 'part one', vp: 'a'.repeat(64) }];
  t.is(renderKeyPartTable(parts), lines(
    'KEYNUM   DESCRIPTION   VERIFICATION PATTERN   ',
    `1        part one      ${'a'.repeat(32)}   `,
    `                       ${'a'.repeat(32)}   `,
    `2        part two      ${'b'.repeat(32)}   `,
    `                       ${'b'.repeat(32)}   `,
  ));
  t.is(renderKeyParts(parts), lines('The available EP11 master key parts on this workstation are:', '', renderKeyPartTable(parts)));
});

test('the set immediate warning, two spaces after each full stop inside', (t) => {
  t.is(SETIMM_WARNING, 'Warning!  Any key storage associated with the targeted service instance must be prepared to accept the new master key value before running this command.  Otherwise, key storage may become unusable.');
});
