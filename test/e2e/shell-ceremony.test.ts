import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, newHome } from '../helpers/cli.ts';
import { startShell, type Screen } from '../helpers/pty.ts';

test.before(ensureBuilt);

/** Types a command and answers its prompts in order, waiting for each prompt as a user would. */
async function dialog(s: Screen, line: string, steps: [string | RegExp, string][] = [], done: string | RegExp = /^OK$/m): Promise<void> {
  let m = s.mark();
  await s.typeLine(line);
  for (const [prompt, answer] of steps) {
    await s.waitFor(prompt, m);
    m = s.mark();
    await s.typeLine(answer);
  }
  const end = await s.waitFor(done, m);
  await s.waitFor(/tkesim>\s*$/m, end);
}

const SIGNER = (name: string) => new RegExp(`identified by:\\s+${name} \\(`);
const PASSWORDS = ['alice-Secret-1', 'bob-Secret-2', 'carol-Secret-3'];
const PART_PASSWORDS = ['part-Secret-A', 'part-Secret-B', 'part-Secret-C'];

test('the key-part ceremony typed in the shell: the panel shows both units secured and initialized, and no password shows', async (t) => {
  const home = newHome();
  const s = startShell(home, [], 120, 40);
  try {
    await s.waitFor('tkesim>');
    await dialog(s, 'cryptounit-add', [['Enter a list of CRYPTO UNIT NUM to add', '1 2']]);
    for (const [i, name] of ['Alice', 'Bob', 'Carol'].entries()) {
      const pw = PASSWORDS[i] ?? '';
      await dialog(s, 'sigkey-add', [['Enter an administrator name', name], ['Enter a password to protect', pw], ['Re-enter the password', pw]]);
    }
    await dialog(s, 'tke sigkey-sel', [['Enter the KEYNUM values to select', '1 2 3'], ...PASSWORDS.map((pw, i): [string, string] => [`Enter the password for KEYNUM ${i + 1}`, pw])]);
    for (const [i, pw] of PASSWORDS.entries()) {
      await dialog(s, 'ibmcloud tke cryptounit-admin-add', [['Enter the KEYNUM of the administrator signature key', String(i + 1)], ['Enter the password for the administrator signature key file', pw]]);
    }
    await dialog(s, 'cryptounit-thrhld-set', [
      ['Enter the new signature threshold value', '2'], ['Enter the new revocation signature threshold value', '2'],
      [SIGNER('Alice'), PASSWORDS[0] ?? ''], [SIGNER('Bob'), PASSWORDS[1] ?? ''],
    ]);
    t.regex(s.screen(), /left imprint mode/);
    for (const [i, pw] of PART_PASSWORDS.entries()) {
      await dialog(s, 'mk-add --random', [['Enter a description for the key part', `part ${i + 1}`], ['Enter a password to protect the key part', pw], ['Re-enter the password', pw]]);
    }
    await dialog(s, 'cryptounit-mk-load', [
      ['2 or 3 values must be specified', '1 2 3'], [SIGNER('Alice'), PASSWORDS[0] ?? ''],
      ['Enter the password for key file 1', PART_PASSWORDS[0] ?? ''], ['Enter the password for key file 2', PART_PASSWORDS[1] ?? ''], ['Enter the password for key file 3', PART_PASSWORDS[2] ?? ''],
    ]);
    t.regex(s.screen(), /new register Empty -> Full Uncommitted/);
    await dialog(s, 'cryptounit-mk-commit', [[SIGNER('Alice'), PASSWORDS[0] ?? ''], [SIGNER('Bob'), PASSWORDS[1] ?? '']]);
    await dialog(s, 'cryptounit-mk-setimm', [['Answer [y/N]', 'y'], [SIGNER('Alice'), PASSWORDS[0] ?? '']]);

    const screen = s.screen();
    const row = (n: number) => screen.split('\n').find((l) => new RegExp(`^\\S*\\s+${n}\\s+OPER`).test(l)) ?? '';
    for (const n of [1, 2]) {
      t.regex(row(n), /secured/, `unit ${n}: ${row(n)}`);
      t.regex(row(n), /\b3\/8\b/);
      t.regex(row(n), /\b2\/2\b/);
      t.regex(row(n), /Empty\s+Valid\s+[0-9a-f]{8}/, `unit ${n} registers: ${row(n)}`);
    }
    const vp = (n: number) => /Valid\s+([0-9a-f]{8})/.exec(row(n))?.[1];
    t.truthy(vp(1));
    t.is(vp(1), vp(2), 'both current registers hold the same VP');
    t.regex(screen, /configured the same/);

    await s.typeLine('exit');
    t.is(await s.exited, 0);
    const history = readFileSync(join(home.dir, 'history'), 'utf8');
    t.regex(history, /cryptounit-mk-setimm/);
    for (const secret of [...PASSWORDS, ...PART_PASSWORDS]) {
      t.false(s.output().includes(secret), `${secret} appeared on screen`);
      t.false(history.includes(secret), `${secret} is in the history file`);
    }
    t.false(/^"?1 2 3"?$/m.test(history), 'dialog answers are not command history');
  } finally {
    s.close();
  }
});

test('Ctrl-C cancels a dialog with the world unchanged; Ctrl-C at an empty prompt quits', async (t) => {
  const home = newHome();
  const s = startShell(home);
  try {
    await s.waitFor('tkesim>');
    const m = s.mark();
    await s.typeLine('sigkey-add');
    await s.waitFor('Enter an administrator name', m);
    s.pty.write('\u0003');
    const cancelled = await s.waitFor('Nothing was changed', m);
    await s.waitFor(/tkesim>\s*$/m, cancelled);
    await dialog(s, 'sigkeys', [], /No files containing a signature key were found/);
    s.pty.write('\u0003');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
});
