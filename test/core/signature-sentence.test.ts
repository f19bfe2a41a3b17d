import test from 'ava';
import type { UnitCommand } from '../../src/core/command.ts';
import { signatureNeedSentence } from '../../src/core/signature-rules.ts';
import { unit } from '../helpers/core.ts';

const secured = (sig: number, rev = sig) => ({ ...unit(), signatureThreshold: sig, revocationThreshold: rev });

const SIGNED: readonly [UnitCommand, RegExp][] = [
  [{ kind: 'mk-load', sender: '', nonce: '', box: '' }, /^cryptounit-mk-load needs 1 signature; commit, thresholds and admin changes need the signature threshold \(2\)\.$/],
  [{ kind: 'mk-setimm' }, /^cryptounit-mk-setimm needs 1 signature; .*\(2\)\.$/],
  [{ kind: 'mk-clrnew' }, /^cryptounit-mk-clrnew needs 1 signature; /],
  [{ kind: 'mk-clrcur' }, /^cryptounit-mk-clrcur needs 1 signature; /],
  [{ kind: 'zeroize' }, /^cryptounit-zeroize needs 1 signature; /],
  [{ kind: 'mk-commit', vp: '' }, /^cryptounit-mk-commit needs the signature threshold: 2 signatures\.$/],
  [{ kind: 'thrhld-set', signatureThreshold: 2, revocationThreshold: 2 }, /^cryptounit-thrhld-set needs the signature threshold: 2 signatures\.$/],
  [{ kind: 'admin-add', name: 'x', publicKey: '', proof: '' }, /^cryptounit-admin-add needs the signature threshold: 2 signatures\.$/],
  [{ kind: 'admin-rm', ski: '' }, /^Removing an administrator needs the revocation signature threshold: 3 signatures\.$/],
];

test('each signed command says why it needs as many signatures as it asks for', (t) => {
  for (const [command, sentence] of SIGNED) t.regex(signatureNeedSentence(secured(2, 3), command), sentence, command.kind);
});

test('in imprint mode: leaving it needs the new threshold; admin changes need none; master key commands are not allowed', (t) => {
  const imprint = secured(0, 0);
  t.is(signatureNeedSentence(imprint, { kind: 'thrhld-set', signatureThreshold: 2, revocationThreshold: 2 }), 'Leaving imprint mode needs as many signatures as the new signature threshold: 2 signatures.');
  t.regex(signatureNeedSentence(imprint, { kind: 'admin-add', name: 'x', publicKey: '', proof: '' }), /needs no signature in imprint mode/);
  t.regex(signatureNeedSentence(imprint, { kind: 'mk-commit', vp: '' }), /not allowed in imprint mode/);
  t.is(signatureNeedSentence(secured(1), { kind: 'mk-load', sender: '', nonce: '', box: '' }), 'cryptounit-mk-load needs 1 signature.');
});
