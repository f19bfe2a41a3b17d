import test from 'ava';
import { ensureBuilt, newHome, snapshot, tkesim, type Home } from '../helpers/cli.ts';
import { step } from '../helpers/ceremony.ts';

let home: Home;

test.before(async (t) => {
  await ensureBuilt();
  home = newHome();
  await step(t, home, ['sim', 'init', '--yes', '--seed', 'input']);
  await step(t, home, ['cryptounit-add'], ['1 2']);
  await step(t, home, ['sigkey-add'], ['Alice', 'pw', 'pw']);
  await step(t, home, ['mk-add', '--random'], ['p1', 'k1', 'k1']);
  await step(t, home, ['mk-add', '--random'], ['p2', 'k2', 'k2']);
});

const cases: { name: string; args: string[]; answers: string[]; code: number; message: RegExp }[] = [
  { name: 'an unknown command', args: ['cryptounit-frobnicate'], answers: [], code: 2, message: /is not a tkesim command/ },
  { name: 'a misspelt command gets a suggestion', args: ['cryptounit-ad'], answers: [], code: 2, message: /Did you mean: cryptounit-add/ },
  { name: 'an unknown option', args: ['cryptounits', '--bogus'], answers: [], code: 2, message: /Unknown option --bogus/ },
  { name: 'mk-add without --random or --value', args: ['mk-add'], answers: [], code: 2, message: /exactly one of --random or --value/ },
  { name: 'a non-numeric KEYNUM', args: ['sigkey-sel'], answers: ['one'], code: 1, message: /"one" is not a valid KEYNUM/ },
  { name: 'an out-of-range KEYNUM', args: ['sigkey-sel'], answers: ['7'], code: 1, message: /7 is not a valid KEYNUM/ },
  { name: 'an out-of-range crypto unit number', args: ['cryptounit-add'], answers: ['9'], code: 1, message: /9 is not a valid CRYPTO UNIT NUM/ },
  { name: 'a negative crypto unit number', args: ['cryptounit-add'], answers: ['-1'], code: 1, message: /not a valid CRYPTO UNIT NUM/ },
  { name: 'a threshold of 0', args: ['cryptounit-thrhld-set'], answers: ['0'], code: 1, message: /not a valid signature threshold: enter a whole number from 1 to 8/ },
  { name: 'a threshold of 9', args: ['cryptounit-thrhld-set'], answers: ['1', '9'], code: 1, message: /"9" is not a valid revocation signature threshold/ },
  { name: 'one key part', args: ['cryptounit-mk-load'], answers: ['1'], code: 1, message: /2 or 3 KEYNUM values must be specified; 1 were entered/ },
  { name: 'four key parts', args: ['cryptounit-mk-load'], answers: ['1 2 1 2'], code: 1, message: /entered twice|2 or 3 KEYNUM/ },
  { name: 'a key part value that is not 64 hex digits', args: ['mk-add', '--value'], answers: ['abc123'], code: 1, message: /exactly 64 hexadecimal digits/ },
  { name: 'a key part value with a non-hex digit', args: ['mk-add', '--value'], answers: ['g'.repeat(64)], code: 1, message: /exactly 64 hexadecimal digits/ },
  { name: 'an admin name over 30 characters', args: ['sigkey-add'], answers: ['x'.repeat(31)], code: 1, message: /at most 30 characters; this one has 31/ },
  { name: 'a mismatched password confirmation', args: ['sigkey-add'], answers: ['Bob', 'pw1', 'pw2'], code: 1, message: /passwords do not match/ },
  { name: 'an empty password', args: ['mk-add', '--random'], answers: ['desc', ''], code: 1, message: /password cannot be empty/ },
  { name: 'an empty answer', args: ['cryptounit-add'], answers: [''], code: 1, message: /No CRYPTO UNIT NUM was entered/ },
  { name: 'an empty admin name', args: ['sigkey-add'], answers: [''], code: 1, message: /name cannot be empty/ },
  { name: 'end of input at a prompt', args: ['sigkey-add'], answers: [], code: 1, message: /No answer was given \(the input ended/ },
  { name: 'end of input at a password prompt', args: ['sigkey-add'], answers: ['Carol'], code: 1, message: /No answer was given/ },
  { name: 'too many arguments', args: ['cryptounits', 'extra'], answers: [], code: 2, message: /takes no arguments/ },
  { name: 'sim init with a bad choice', args: ['sim', 'init', '--units', '4'], answers: [], code: 2, message: /not a valid value for --units: use 2 or 3/ },
  { name: 'sim init with recovery units in eu-es', args: ['sim', 'init', '--region', 'eu-es', '--recovery', '2', '--yes'], answers: [], code: 2, message: /not available in eu-es/ },
  { name: 'sim keys create with a bad count', args: ['sim', 'keys', 'create', 'many'], answers: [], code: 2, message: /from 1 to 50000/ },
  { name: 'the deprecated exit-impr with no installed admin to sign', args: ['cryptounit-exit-impr'], answers: [], code: 1, message: /deprecated[\s\S]*cryptounit-thrhld-set[\s\S]*Return code: 208/ },
  { name: 'help for an unknown command', args: ['help', 'nope'], answers: [], code: 2, message: /is not a tkesim command/ },
];

for (const c of cases) {
  test.serial(`bad input: ${c.name}`, async (t) => {
    const before = snapshot(home);
    const r = await tkesim(home, c.args, c.answers);
    t.is(r.code, c.code, r.out + r.err);
    t.regex(r.out, c.message);
    t.is(r.err, '', 'no crash output');
    t.is(snapshot(home), before);
  });
}

test.serial('help lists every command and explains one', async (t) => {
  const all = await tkesim(home, ['help']);
  t.is(all.code, 0);
  for (const name of ['sigkey-add', 'cryptounit-mk-rotate', 'cryptounit-zeroize', 'sim init']) t.true(all.out.includes(name), name);
  t.regex(all.out, /Ed25519/);
  const one = await tkesim(home, ['help', 'cryptounit-thrhld-set']);
  t.regex(one.out, /USAGE: tkesim cryptounit-thrhld-set[\s\S]*imprint mode/);
});

test.serial('a secret typed at a prompt is never printed', async (t) => {
  const value = 'ab'.repeat(32);
  const r = await tkesim(home, ['mk-add', '--value'], [value, 'known', 'secret-pw', 'secret-pw']);
  t.is(r.code, 0, r.out);
  t.false(r.out.includes(value));
  t.false(r.out.includes('secret-pw'));
  await step(t, home, ['mk-rm', '3']);
});

test.serial('the "tke" and "ibmcloud tke" prefixes are accepted', async (t) => {
  t.is((await tkesim(home, ['tke', 'cryptounits'])).code, 0);
  t.is((await tkesim(home, ['ibmcloud', 'tke', 'sigkeys'])).code, 0);
});

test.serial('without a terminal, tkesim alone explains one-shot mode and exits 2', async (t) => {
  const r = await tkesim(home, []);
  t.is(r.code, 2);
  t.regex(r.err, /needs a terminal[\s\S]*tkesim cryptounits/);
});
