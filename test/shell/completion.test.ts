import test from 'ava';
import { complete, type CompletionContext } from '../../src/shell/completion.ts';

const commands = ['cryptounits', 'cryptounit-add', 'cryptounit-rm', 'cryptounit-mk-load', 'cryptounit-admin-add', 'sigkeys', 'sigkey-add', 'sigkey-sel', 'sigkey-rm', 'mks', 'mk-add', 'mk-rm', 'help'];

function context(reads: string[] = []): CompletionContext {
  return {
    commands,
    flags: { 'mk-add': ['--random', '--value'], 'cryptounit-add': ['--all'] },
    keynums: () => (reads.push('keynums'), [1, 2]),
    partKeynums: () => (reads.push('parts'), [1, 2, 3]),
    unitNumbers: () => (reads.push('units'), [1, 2, 3, 4, 10]),
  };
}

const at = (line: string) => complete(line, line.length, context());

test('a unique command name completes, with a space after it', (t) => {
  t.deepEqual(at('mk-a'), { kind: 'single', buffer: 'mk-add ', cursor: 7 });
  t.deepEqual(at('he'), { kind: 'single', buffer: 'help ', cursor: 5 });
});

test('several command names: extended to the common prefix and listed', (t) => {
  t.deepEqual(at('crypto'), {
    kind: 'many', buffer: 'cryptounit', cursor: 10,
    candidates: ['cryptounits', 'cryptounit-add', 'cryptounit-rm', 'cryptounit-mk-load', 'cryptounit-admin-add'],
  });
  t.deepEqual(at('sigkey-'), { kind: 'many', buffer: 'sigkey-', cursor: 7, candidates: ['sigkey-add', 'sigkey-sel', 'sigkey-rm'] });
  t.deepEqual(at('zzz'), { kind: 'none' });
});

test('after the tke and ibmcloud tke prefixes, and to complete the prefixes themselves', (t) => {
  t.deepEqual(at('tke mks'), { kind: 'single', buffer: 'tke mks ', cursor: 8 });
  t.deepEqual(at('ibmcloud tke sigkey-s'), { kind: 'single', buffer: 'ibmcloud tke sigkey-sel ', cursor: 24 });
  t.deepEqual(at('ibmcloud '), { kind: 'single', buffer: 'ibmcloud tke ', cursor: 13 });
  t.deepEqual(at('ibm'), { kind: 'single', buffer: 'ibmcloud ', cursor: 9 });
  t.deepEqual(at('ibmcloud foo mk'), { kind: 'none' });
});

test('help completes command names', (t) => {
  t.deepEqual(at('help mk-r'), { kind: 'single', buffer: 'help mk-rm ', cursor: 11 });
  t.deepEqual(at('help mk-rm mk'), { kind: 'none' });
});

test('flags of the current command', (t) => {
  t.deepEqual(at('mk-add --r'), { kind: 'single', buffer: 'mk-add --random ', cursor: 16 });
  t.deepEqual(at('tke mk-add '), { kind: 'many', buffer: 'tke mk-add --', cursor: 13, candidates: ['--random', '--value'] });
  t.deepEqual(at('sigkeys --'), { kind: 'none' });
});

test('crypto unit numbers after cryptounit-add and cryptounit-rm, without those already given', (t) => {
  t.deepEqual(at('cryptounit-add '), { kind: 'many', buffer: 'cryptounit-add ', cursor: 15, candidates: ['1', '2', '3', '4', '10'] });
  t.deepEqual(at('cryptounit-rm 1 2 3 '), { kind: 'many', buffer: 'cryptounit-rm 1 2 3 ', cursor: 20, candidates: ['4', '10'] });
  t.deepEqual(at('cryptounit-add 1 2 3 4 1'), { kind: 'single', buffer: 'cryptounit-add 1 2 3 4 10 ', cursor: 26 });
  t.deepEqual(at('cryptounit-add --'), { kind: 'single', buffer: 'cryptounit-add --all ', cursor: 21 });
  t.deepEqual(at('cryptounit-add x'), { kind: 'none' });
});

test('signature key KEYNUMs after sigkey-sel, sigkey-rm and cryptounit-admin-add', (t) => {
  t.deepEqual(at('sigkey-sel '), { kind: 'many', buffer: 'sigkey-sel ', cursor: 11, candidates: ['1', '2'] });
  t.deepEqual(at('sigkey-rm 1 '), { kind: 'single', buffer: 'sigkey-rm 1 2 ', cursor: 14 });
  t.deepEqual(at('cryptounit-admin-add 2 '), { kind: 'single', buffer: 'cryptounit-admin-add 2 1 ', cursor: 25 });
});

test('part KEYNUMs after mk-rm and cryptounit-mk-load', (t) => {
  t.deepEqual(at('mk-rm '), { kind: 'many', buffer: 'mk-rm ', cursor: 6, candidates: ['1', '2', '3'] });
  t.deepEqual(at('ibmcloud tke cryptounit-mk-load 1 3 '), { kind: 'single', buffer: 'ibmcloud tke cryptounit-mk-load 1 3 2 ', cursor: 38 });
});

test('numbers are read only when their context needs them', (t) => {
  const reads: string[] = [];
  complete('sigk', 4, context(reads));
  complete('mk-add --', 9, context(reads));
  t.deepEqual(reads, []);
  complete('mk-rm ', 6, context(reads));
  complete('cryptounit-add ', 15, context(reads));
  complete('sigkey-sel ', 11, context(reads));
  t.deepEqual(reads, ['parts', 'units', 'keynums']);
});

test('completes the word at the cursor, keeping the rest of the line', (t) => {
  t.deepEqual(complete('mk-a --random', 4, context()), { kind: 'single', buffer: 'mk-add --random', cursor: 6 });
  t.deepEqual(complete('x mk-a', 4, context()), { kind: 'none' });
});
