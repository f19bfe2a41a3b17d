import test from 'ava';
import { render } from 'ink-testing-library';
import { progressText, SignatureProgress, signatureProgressText } from '../../src/shell/signature-progress.tsx';
import { frameWhere } from './frames.ts';

test('the progress line: count, who signed, who may still sign', (t) => {
  t.is(
    signatureProgressText({ kind: 'signatures', needed: 2, signed: ['Alice'], pending: ['Bob', 'Carol'] }),
    'Signatures 1 of 2 — signed: Alice — still needed: 1 of Bob, Carol',
  );
  t.is(
    signatureProgressText({ kind: 'signatures', needed: 2, signed: [], pending: ['Alice', 'Bob'] }),
    'Signatures 0 of 2 — signed: none yet — still needed: 2 of Alice, Bob',
  );
  t.is(signatureProgressText({ kind: 'signatures', needed: 2, signed: ['Alice', 'Bob'], pending: [] }), 'Signatures 2 of 2 — signed: Alice, Bob');
  t.is(progressText({ kind: 'work', label: 'Rewrapping key storage', done: 300, total: 1000 }), 'Rewrapping key storage: 300 of 1000');
});

test('renders and follows the progress as signatures come in', async (t) => {
  const { lastFrame, rerender, unmount } = render(
    <SignatureProgress progress={{ kind: 'signatures', needed: 2, signed: ['Alice'], pending: ['Bob', 'Carol'] }} />,
  );
  t.is(await frameWhere(lastFrame, (f) => f.includes('Signatures')), 'Signatures 1 of 2 — signed: Alice — still needed: 1 of Bob, Carol');
  rerender(<SignatureProgress progress={{ kind: 'signatures', needed: 2, signed: ['Alice', 'Carol'], pending: ['Bob'] }} />);
  t.is(await frameWhere(lastFrame, (f) => f.includes('2 of 2')), 'Signatures 2 of 2 — signed: Alice, Carol');
  unmount();
});

test('the progress line says why this many signatures', (t) => {
  const text = signatureProgressText({ kind: 'signatures', needed: 1, signed: [], pending: ['Alice'], why: 'cryptounit-mk-load needs 1 signature; commit, thresholds and admin changes need the signature threshold (2).' });
  t.regex(text, /^Signatures 0 of 1 — signed: none yet — still needed: 1 of Alice\ncryptounit-mk-load needs 1 signature; .*\(2\)\.$/);
});
