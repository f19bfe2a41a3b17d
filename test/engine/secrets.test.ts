import test from 'ava';
import { SessionSecrets, secretLineNotice } from '../../src/engine/secrets.ts';

const KEY = 'a1b2c3d4'.repeat(8);

test('a remembered key part value is found in every form it could be typed', (t) => {
  const s = new SessionSecrets();
  s.remember(KEY, 'key part value');
  for (const form of [KEY, KEY.toUpperCase(), Buffer.from(KEY, 'hex').toString('base64'), `  ${KEY}  `, `mk-add ${KEY.toUpperCase()}`]) t.is(s.find(form), 'key part value', form);
  t.is(s.find('cryptounits'), null);
});

test('a short password is matched only as the whole line, a longer one inside any text', (t) => {
  const s = new SessionSecrets();
  s.remember('pw', 'password');
  s.remember('Dans-Pw-4242', 'password');
  t.is(s.find('pw'), 'password');
  t.is(s.find('help pw'), null);
  t.is(s.find('sigkey-add Dans-Pw-4242'), 'password');
  t.is(s.redact('help pw'), 'help pw');
});

test('redaction masks a secret even where escape sequences split it, and keeps the sequences', (t) => {
  const s = new SessionSecrets();
  s.remember('Dans-Pw-4242', 'password');
  t.is(s.redact('tkesim> Dans-Pw-4242'), 'tkesim> ************');
  const split = 'Dans-Pw-424\u001b[7m2\u001b[27m';
  const out = s.redact(split);
  t.false(out.replace(/\u001b\[[0-9;]*m/g, '').includes('Dans-Pw-4242'));
  t.true(out.includes('\u001b[7m'));
  t.is(s.redact('nothing here'), 'nothing here');
});

test('a line being typed that begins a secret looks secret (the prompt masks it)', (t) => {
  const s = new SessionSecrets();
  s.remember('Dans-Pw-4242', 'password');
  t.true(s.looksSecret('Dans-P'));
  t.false(s.looksSecret('Dan'));
  t.false(s.looksSecret('cryptounits'));
});

test('the notice names the kind of secret in one sentence', (t) => {
  t.is(secretLineNotice('password'), 'That was a password of this session: it was not run and is not kept.');
  t.regex(secretLineNotice('master key'), /master key value/);
});
