import test from 'ava';
import * as render from '../../src/render/index.ts';

test('the index re-exports the renderers the commands call', (t) => {
  const names = [
    'renderTable', 'splitVp', 'renderCryptoUnits', 'renderThresholds', 'renderAdmins', 'renderNewRegister',
    'renderCurrentRegister', 'renderControlPoints', 'renderCompare', 'renderSignatureKeys', 'renderKeyParts', 'renderRefusal',
  ] as const;
  for (const name of names) t.is(typeof render[name], 'function', name);
});
