import test from 'ava';
import { refusal } from '../../src/core/refusal.ts';
import { renderRefusal } from '../../src/render/refusal.ts';
import { lines } from './fixtures.ts';

test('refusal with return and reason codes, from a crypto unit', (t) => {
  t.is(renderRefusal(refusal('SIGNATURE_THRESHOLD_OVER_ADMINS', 2)), lines(
    'FAILED',
    'Error reported by EP11 crypto module.',
    'Return code: 209',
    'Reason code: 57',
    'Error message: The signature threshold is greater than the number of installed administrators.',
    'Crypto unit: 2',
    'Add more administrators with cryptounit-admin-add, or choose a smaller signature threshold.',
  ));
});

test('refusal with a return code and no reason code', (t) => {
  t.is(renderRefusal(refusal('TOO_FEW_SIGNATURES')), lines(
    'FAILED',
    'Error reported by EP11 crypto module.',
    'Return code: 208',
    'Error message: Not enough signatures were supplied for the command.',
    'Select more administrator signature keys with sigkey-sel so that their number meets the threshold, then run the command again.',
  ));
});

test('refusal without codes', (t) => {
  t.is(renderRefusal(refusal('NEW_REGISTER_NOT_EMPTY')), lines(
    'FAILED',
    'The new master key register is not empty.',
    'Clear it with cryptounit-mk-clrnew before loading a new master key.',
  ));
});
