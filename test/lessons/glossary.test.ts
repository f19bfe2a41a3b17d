import test from 'ava';
import { CONTROL_POINTS, type CurrentRegisterState, type NewRegisterState, type UnitType } from '../../src/core/types.ts';
import { explainTerm, glossaryEntry } from '../../src/lessons/glossary.ts';
import { panelHeadings } from '../../src/shell/panel-layout.ts';

const NEW_STATES: readonly NewRegisterState[] = ['Empty', 'Full Uncommitted', 'Full Committed'];
const CURRENT_STATES: readonly CurrentRegisterState[] = ['Empty', 'Valid'];
const TYPES: readonly UnitType[] = ['OPERATIONAL', 'RECOVERY', 'FAILOVER'];

test('every term the panel, the status line and compare can show has an explanation', (t) => {
  const terms = [
    ...panelHeadings(), ...NEW_STATES, ...CURRENT_STATES, ...TYPES, ...CONTROL_POINTS,
    'imprint', 'secured', '*', 'verification pattern', 'key storage', 'KMS CRK', 'custodian', 'key part', 'signature key',
    'sigkey-sel', 'set immediate', 'rotate', 're-encipher', 'EP11', 'return code', 'reason code', 'administrator',
    'signature threshold', 'revocation threshold', 'control points', 'recovery unit', 'failover unit', 'operational unit',
  ];
  t.true(terms.length > 30);
  const missing = terms.filter((term) => glossaryEntry(term) === null);
  t.deepEqual(missing, []);
});

test('explain matches any case, dashes or underscores, and says the term first', (t) => {
  t.regex(explainTerm('full committed') ?? '', /^Full Committed: (?!Full Committed)/);
  t.regex(explainTerm('Imprint-Mode') ?? '', /factory state/);
  t.is(explainTerm('no such thing'), null);
});
