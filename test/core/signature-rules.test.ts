import test from 'ava';
import type { UnitCommand } from '../../src/core/command.ts';
import { signatureRule } from '../../src/core/signature-rules.ts';
import { ALICE, secured, unit } from '../helpers/core.ts';

const commands: Record<UnitCommand['kind'], UnitCommand> = {
  'admin-add': { kind: 'admin-add', name: 'x', publicKey: ALICE.publicKey, proof: '' },
  'admin-rm': { kind: 'admin-rm', ski: ALICE.ski },
  'thrhld-set': { kind: 'thrhld-set', signatureThreshold: 3, revocationThreshold: 1 },
  'mk-load': { kind: 'mk-load', sender: '', nonce: '', box: '' },
  'mk-commit': { kind: 'mk-commit', vp: '' },
  'mk-setimm': { kind: 'mk-setimm' },
  'mk-clrnew': { kind: 'mk-clrnew' },
  'mk-clrcur': { kind: 'mk-clrcur' },
  zeroize: { kind: 'zeroize' },
  'cp-set': { kind: 'cp-set', point: 'XCP_CPB_BTC' },
  'cp-change': { kind: 'cp-change', index: 66, set: false },
  'exit-impr': { kind: 'exit-impr' },
  'mk-random': { kind: 'mk-random' },
  'mk-export': { kind: 'mk-export', register: 'current', recipient: '' },
};

// Reference section 2.3: signatures in imprint mode / after imprint mode (thresholds 2 and 3 here).
const table: [UnitCommand['kind'], string, string][] = [
  ['admin-add', 'none:0', 'signature threshold:2'],
  ['admin-rm', 'none:0', 'revocation threshold:3'],
  ['thrhld-set', 'new signature threshold:3', 'signature threshold:2'],
  ['mk-load', 'not-allowed', 'one:1'],
  ['mk-commit', 'not-allowed', 'signature threshold:2'],
  ['mk-setimm', 'not-allowed', 'one:1'],
  ['mk-clrnew', 'not-allowed', 'one:1'],
  ['mk-clrcur', 'not-allowed', 'one:1'],
  ['zeroize', 'none:0', 'one:1'],
  ['cp-set', 'not-allowed', 'signature threshold:2'],
  ['cp-change', 'not-allowed', 'signature threshold:2'],
  ['exit-impr', 'one:1', 'one:1'],
  ['mk-random', 'not-allowed', 'one:1'],
  ['mk-export', 'not-allowed', 'signature threshold:2'],
];

const show = (r: ReturnType<typeof signatureRule>) => (r.kind === 'not-allowed' ? 'not-allowed' : `${r.basis}:${r.count}`);

for (const [kind, imprint, after] of table) {
  test(`signature table: ${kind} needs ${imprint} in imprint mode and ${after} after`, (t) => {
    t.is(show(signatureRule(unit(), commands[kind])), imprint);
    t.is(show(signatureRule(secured(2, 3), commands[kind])), after);
  });
}
