import test from 'ava';
import { refusal } from '../../src/core/refusal.ts';
import { explanationsOn, refusalExplanation, refusalLines, renderRefusal } from '../../src/render/refusal.ts';
import { lines } from './fixtures.ts';

test('refusal with return and reason codes, from a crypto unit: the real lines, then tkesim\'s explanation', (t) => {
  t.is(renderRefusal(refusal('SIGNATURE_THRESHOLD_OVER_ADMINS', 2)), lines(
    'FAILED',
    'Error reported by EP11 crypto module.',
    'Return code: 209',
    'Reason code: 57',
    'Error message: Invalid value.  You may not set the signature threshold to a number greater than the number of installed administrators.',
    'tkesim: crypto unit 2 refused the command.',
    'tkesim: Add more administrators with cryptounit-admin-add, or choose a smaller signature threshold.',
  ));
});

test('refusal with a return code and no reason code: the Reason code line is still printed, empty', (t) => {
  t.is(renderRefusal(refusal('TOO_FEW_SIGNATURES')), lines(
    'FAILED',
    'Error reported by EP11 crypto module.',
    'Return code: 208',
    'Reason code: ',
    'Error message: Not enough signatures were provided on the command.',
    'tkesim: Select more administrator signature keys with sigkey-sel so that their number meets the threshold, then run the command again.',
  ));
});

test('refusal without codes', (t) => {
  t.is(renderRefusal(refusal('NEW_REGISTER_NOT_EMPTY')), lines(
    'FAILED',
    'The new master key register is not empty.',
    'tkesim: Clear it with cryptounit-mk-clrnew before loading a new master key.',
  ));
});

test('without the explanation: exactly the real lines', (t) => {
  const r = refusal('IMPRINT_MODE', 3);
  t.is(renderRefusal(r, false), refusalLines(r).join('\n'));
  t.deepEqual(refusalLines(r), ['FAILED', 'Error reported by EP11 crypto module.', 'Return code: 179', 'Reason code: ', 'Error message: Operation not allowed in imprint mode.']);
  t.deepEqual(refusalExplanation(r), ['tkesim: crypto unit 3 refused the command.', `tkesim: ${r.advice}`]);
});

test('TKESIM_EXPLAIN=0 turns the explanations off; anything else leaves them on', (t) => {
  t.false(explanationsOn({ TKESIM_EXPLAIN: '0' }));
  t.true(explanationsOn({}));
  t.true(explanationsOn({ TKESIM_EXPLAIN: '1' }));
});
