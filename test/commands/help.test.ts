import test from 'ava';
import { DEVIATIONS, describeCommand, helpText } from '../../src/commands/help.ts';
import { SIM_COMMANDS, TKE_COMMANDS } from '../../src/commands/registry.ts';

test('help lists every deliberate difference from the real CLI', (t) => {
  const text = helpText() ?? '';
  t.true(text.includes(DEVIATIONS));
  for (const [what, re] of [
    ['Ed25519 signature keys, not P-521', /Ed25519, not P-521/],
    ['the master key is the XOR of its parts', /master key is the XOR of its 2 or 3 parts/],
    ['the VP formula', /SHA-256\(0x01 \|\| key\) with the last 4 bytes zeroed/],
    ['scrypt-sealed key files and their format', /scrypt \(N, r, p and salt kept in the file\) and AES-256-GCM/],
    ['the key file names', /N\.sigkey.*N\.mkpart/],
    ['the CLOUDTKEFILES default', /CLOUDTKEFILES: when it is not set, tkesim uses \$TKESIM_HOME\/tkefiles/],
    ['no IBM Cloud login', /no IBM Cloud login/],
    ['positional numbers pre-answer prompts', /numbers after a command name .* pre-answer its prompts:\n\s+tkesim only/],
    ['tkesim explanations and TKESIM_EXPLAIN', /TKESIM_EXPLAIN=0 turns them off/],
  ] as const) t.regex(DEVIATIONS, re, what);
});

test('every TKE command that takes numbers marks them as tkesim only, after the real usage', (t) => {
  const withNumbers = TKE_COMMANDS.filter((c) => c.maxPositionals > 0);
  t.true(withNumbers.length >= 10);
  for (const c of withNumbers) {
    const text = describeCommand(c);
    t.true(text.includes(`USAGE: tkesim ${c.name}\n       tkesim ${c.usage}   (tkesim only)`), c.name);
    t.true(text.includes(`The real CLI (ibmcloud tke ${c.name}) takes no arguments`), c.name);
  }
  for (const c of TKE_COMMANDS.filter((x) => x.maxPositionals === 0)) t.false(describeCommand(c).includes('(tkesim only)'), c.name);
  for (const c of SIM_COMMANDS) t.false(describeCommand(c).includes('(tkesim only)'), `${c.name} is a tkesim command anyway`);
});

test('cryptounit-exit-impr and cryptounit-cp are commands again, with their help', (t) => {
  t.regex(helpText('cryptounit-exit-impr') ?? '', /Deprecated in favour of cryptounit-thrhld-set, but it still works/);
  t.regex(helpText('cryptounit-cp') ?? '', /INDEX +CONTROL POINT +ENABLES/);
});
