/**
 * Golden one-shot transcripts of the key-part ceremony (TKE-REFERENCE.md section 8.1), compared line
 * by line with the text the reference quotes, with TKESIM_EXPLAIN=0 (exactly the real CLI's lines).
 * Only GUIDs, subject key identifiers, verification patterns and the account fields are normalised.
 *
 * Answers come on standard input, which is not a terminal, so they are not echoed: each answered
 * prompt leaves its `> ` marker alone on its line (the reference shows `> answer` as a terminal does).
 */
import test, { type ExecutionContext } from 'ava';
import { ensureBuilt, newHome, tkesim, type Home } from '../helpers/cli.ts';

test.before(ensureBuilt);

const QUIET = { TKESIM_EXPLAIN: '0' };
const PASSWORD = 'golden-admin-pw';
const PART_PASSWORDS = ['golden-part-pw-1', 'golden-part-pw-2'] as const;

/** The output's lines with GUIDs, SKIs, VPs and account fields replaced by placeholders. */
function normalised(out: string): string[] {
  return out
    .replace(/^(User|Account|Resource group):( +).*$/gm, '$1:$2<ACCOUNT FIELD>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<GUID>')
    .replace(/\b[0-9a-f]{30}\.\.\./g, '<SKI>...')
    .replace(/\b[0-9a-f]{32}\b/g, '<VP>')
    .replace(/\n$/, '')
    .split('\n');
}

async function golden(t: ExecutionContext, home: Home, args: string[], answers: string[], expected: readonly string[], code = 0): Promise<string> {
  const r = await tkesim(home, args, answers, QUIET);
  t.is(r.code, code, `tkesim ${args.join(' ')}\n${r.out}${r.err}`);
  t.deepEqual(normalised(r.out), [...expected], `tkesim ${args.join(' ')}`);
  for (const secret of [PASSWORD, ...PART_PASSWORDS]) t.false(r.out.includes(secret));
  return r.out;
}

const PROMPT = '> ';

function listing(selected: readonly [boolean, boolean, boolean, boolean]): string[] {
  const s = selected.map((x) => String(x).padEnd(11));
  return [
    'API endpoint:     https://cloud.ibm.com',
    'Region:           us-south',
    'User:             <ACCOUNT FIELD>',
    'Account:          <ACCOUNT FIELD>',
    'Resource group:   <ACCOUNT FIELD>',
    '',
    'SERVICE INSTANCE: <GUID>',
    'CRYPTO UNIT NUM   SELECTED   TYPE          LOCATION   ',
    `1                 ${s[0]}OPERATIONAL   [us-south].[AZ1-CS1].[01].[01]   `,
    `2                 ${s[1]}OPERATIONAL   [us-south].[AZ2-CS2].[02].[04]   `,
    `3                 ${s[2]}RECOVERY      [us-south].[AZ1-CS1].[03].[07]   `,
    `4                 ${s[3]}RECOVERY      [us-east].[AZ2-CS2].[04].[10]   `,
    '',
    'Note: all operational crypto units in a service instance must be configured the same.',
    "Use 'ibmcloud tke cryptounit-compare' to check how crypto units are configured.",
  ];
}

const SIGKEY_TABLE = [
  'KEYNUM   DESCRIPTION   SUBJECT KEY IDENTIFIER   ',
  '1        Alice Admin   <SKI>...   ',
];

const PART_TABLE = [
  'KEYNUM   DESCRIPTION   VERIFICATION PATTERN   ',
  '1        First part    <VP>   ',
  '                       <VP>   ',
  '2        Second part   <VP>   ',
  '                       <VP>   ',
];

const SIGN = ['Enter the password for the signature key identified by:', 'Alice Admin (<SKI>...)', PROMPT];

function register(title: string, state: string): string[] {
  const pad = ' '.repeat(state.length);
  const width = Math.max(state.length, 'STATUS'.length);
  const status = (s: string) => s.padEnd(width + 3);
  return [
    '',
    title,
    'SERVICE INSTANCE: <GUID>',
    `CRYPTO UNIT NUM   ${status('STATUS')}VERIFICATION PATTERN   `,
    `1                 ${status(state)}<VP>   `,
    `                  ${status(pad)}<VP>   `,
    `2                 ${status(state)}<VP>   `,
    `                  ${status(pad)}<VP>   `,
    '',
  ];
}

test('the key-part ceremony of reference 8.1, one-shot, line by line', async (t) => {
  const home = newHome();
  const init = await tkesim(home, ['sim', 'init', '--yes', '--seed', 'golden']);
  t.is(init.code, 0, init.out);

  await golden(t, home, ['sigkeys'], [], [
    'No files containing a signature key were found.',
    '',
    "To create a file containing a signature key, use the 'ibmcloud tke sigkey-add' command.",
  ]);

  await golden(t, home, ['sigkey-add'], ['Alice Admin', PASSWORD, PASSWORD], [
    '',
    'Enter an administrator name to be associated with the signature key:', PROMPT,
    'Enter a password to protect the signature key:', PROMPT,
    'Re-enter the password to confirm:', PROMPT,
    'OK',
    'A signature key was created.',
    'The available signature keys on this workstation are:',
    '',
    ...SIGKEY_TABLE,
    '',
    'No KEYNUM are selected as current signature keys.',
    '',
  ]);

  await golden(t, home, ['sigkey-sel'], ['1', PASSWORD], [
    ...SIGKEY_TABLE,
    '',
    'No KEYNUM are selected as current signature keys.',
    '',
    'Enter the KEYNUM values to select as current signature keys, separated by spaces:', PROMPT,
    'Enter the password for KEYNUM 1:', PROMPT,
    'OK',
    'KEYNUM 1 has been made the current signature key.',
  ]);

  await golden(t, home, ['mks'], [], ['No files containing an EP11 master key part were found.']);

  await golden(t, home, ['mk-add', '--random'], ['First part', PART_PASSWORDS[0], PART_PASSWORDS[0]], [
    'Enter a description for the key part:', PROMPT,
    'Enter a password to protect the key part:', PROMPT,
    'Re-enter the password to confirm:', PROMPT,
    'OK',
    'A key part was created.',
    'The available EP11 master key parts on this workstation are:',
    '',
    ...PART_TABLE.slice(0, 3),
  ]);
  await golden(t, home, ['mk-add', '--random'], ['Second part', PART_PASSWORDS[1], PART_PASSWORDS[1]], [
    'Enter a description for the key part:', PROMPT,
    'Enter a password to protect the key part:', PROMPT,
    'Re-enter the password to confirm:', PROMPT,
    'OK',
    'A key part was created.',
    'The available EP11 master key parts on this workstation are:',
    '',
    ...PART_TABLE,
  ]);

  await golden(t, home, ['cryptounit-add'], ['1 2'], [
    ...listing([false, false, false, false]),
    '',
    'Enter a list of CRYPTO UNIT NUM to add, separated by spaces:', PROMPT,
    'OK',
    '',
    ...listing([true, true, false, false]),
  ]);

  await golden(t, home, ['cryptounit-admins'], [], ['', 'No crypto unit administrators for service instance <GUID>']);

  await golden(t, home, ['cryptounit-admin-add'], ['1', PASSWORD], [
    ...SIGKEY_TABLE,
    '',
    'KEYNUM 1 is selected as the current signature key.',
    '',
    'Enter the KEYNUM of the administrator signature key you wish to load:', PROMPT,
    'Enter the password for the administrator signature key file:', PROMPT,
    'OK',
    'The crypto unit administrator was added to the selected crypto units.',
  ]);

  await golden(t, home, ['cryptounit-thrhld-set'], ['1', '1', PASSWORD], [
    'Enter the new signature threshold value:', PROMPT,
    '',
    'Enter the new revocation signature threshold value:', PROMPT,
    ...SIGN,
    'OK',
    'New signature threshold values have been set in the selected crypto units.',
    '',
    'SIGNATURE THRESHOLDS',
    'SERVICE INSTANCE: <GUID>',
    'CRYPTO UNIT NUM   SIGNATURE THRESHOLD   REVOCATION THRESHOLD   ',
    '1                 1                     1   ',
    '2                 1                     1   ',
    '',
    '==> Crypto units with a signature threshold of 0 are in IMPRINT MODE. <==',
    '',
  ]);

  const loaded = await golden(t, home, ['cryptounit-mk-load'], ['1 2', PASSWORD, ...PART_PASSWORDS], [
    '',
    ...PART_TABLE,
    '',
    'Enter the KEYNUM values of the master key parts you wish to load.',
    '2 or 3 values must be specified, separated by spaces.',
    PROMPT,
    ...SIGN,
    'Enter the password for key file 1', PROMPT,
    'Enter the password for key file 2', PROMPT,
    'OK',
    'The new master key register has been loaded in the selected crypto units.',
    ...register('NEW MASTER KEY REGISTER', 'Full Uncommitted'),
  ]);

  await golden(t, home, ['cryptounit-mk-commit'], [PASSWORD], [
    ...SIGN,
    'OK',
    'The new master key register has been committed in the selected crypto units.',
    ...register('NEW MASTER KEY REGISTER', 'Full Committed'),
  ]);

  const activated = await golden(t, home, ['cryptounit-mk-setimm'], ['y', PASSWORD], [
    'Warning!  Any key storage associated with the targeted service instance must be prepared to accept the new master key value before running this command.  Otherwise, key storage may become unusable.',
    'Do you want to continue?',
    'Answer [y/N]:', PROMPT,
    ...SIGN,
    'OK',
    'Set immediate completed successfully in the selected crypto units.',
    ...register('NEW MASTER KEY REGISTER', 'Empty'),
    ...register('CURRENT MASTER KEY REGISTER', 'Valid'),
  ]);

  // What the placeholders stood for: the loaded value became current, and the new registers are empty.
  const vps = (out: string, title: string) => (out.slice(out.indexOf(title)).match(/\b[0-9a-f]{32}\b/g) ?? []).slice(0, 4);
  t.deepEqual(vps(activated, 'CURRENT MASTER KEY REGISTER'), vps(loaded, 'NEW MASTER KEY REGISTER'));
  t.deepEqual(vps(activated, 'NEW MASTER KEY REGISTER'), Array<string>(4).fill('0'.repeat(32)));
});

test('an EP11 refusal through the binary: with TKESIM_EXPLAIN=0 exactly the real lines, otherwise tkesim\'s explanation after them', async (t) => {
  const home = newHome();
  t.is((await tkesim(home, ['sim', 'init', '--yes', '--seed', 'golden'])).code, 0);
  t.is((await tkesim(home, ['cryptounit-add', '1', '2'])).code, 0);
  const real = [
    'FAILED',
    'Error reported by EP11 crypto module.',
    'Return code: 179',
    'Reason code: ',
    'Error message: Operation not allowed in imprint mode.',
  ];
  const quiet = await tkesim(home, ['cryptounit-mk-clrnew'], [], QUIET);
  t.is(quiet.code, 1);
  t.is(quiet.out, `${real.join('\n')}\n`);

  const explained = await tkesim(home, ['cryptounit-mk-clrnew']);
  t.is(explained.code, 1);
  const lines = explained.out.replace(/\n$/, '').split('\n');
  t.deepEqual(lines.slice(0, real.length), real, 'the real lines come first, unchanged');
  t.true(lines.length > real.length, 'then tkesim explains');
  t.true(lines.slice(real.length).every((l) => l.startsWith('tkesim: ')), lines.slice(real.length).join('\n'));
  t.regex(explained.out, /tkesim: crypto unit 1 refused the command\.\ntkesim: .*cryptounit-thrhld-set/);
});

test('with TKESIM_EXPLAIN=0 a refusal after signing prints only the real lines (209/57)', async (t) => {
  const home = newHome();
  t.is((await tkesim(home, ['sim', 'init', '--yes', '--seed', 'golden'])).code, 0);
  t.is((await tkesim(home, ['cryptounit-add', '1'])).code, 0);
  t.is((await tkesim(home, ['sigkey-add'], ['Alice Admin', PASSWORD, PASSWORD])).code, 0);
  t.is((await tkesim(home, ['sigkey-sel'], ['1', PASSWORD])).code, 0);
  t.is((await tkesim(home, ['cryptounit-admin-add'], ['1', PASSWORD])).code, 0);
  await golden(t, home, ['cryptounit-thrhld-set'], ['2', '1', PASSWORD], [
    'Enter the new signature threshold value:', PROMPT,
    '',
    'Enter the new revocation signature threshold value:', PROMPT,
    ...SIGN,
    'FAILED',
    'Error reported by EP11 crypto module.',
    'Return code: 209',
    'Reason code: 57',
    'Error message: Invalid value.  You may not set the signature threshold to a number greater than the number of installed administrators.',
  ], 1);
});
