import test from 'ava';
import { ensureBuilt, newHome } from '../helpers/cli.ts';
import { startShell } from '../helpers/pty.ts';

test.before(ensureBuilt);

const PW = 'Dans-Pw-4242';

test('one-shot in a terminal: every answer typed ahead in one write is taken by its own prompt, and no password is echoed', async (t) => {
  const home = newHome();
  const s = startShell(home, ['sigkey-add'], 100, 30);
  try {
    await s.waitFor('administrator name');
    // Name, password and confirmation arrive in one read, before the password prompts appear.
    s.pty.write(`Dan\r${PW}\r${PW}\r`);
    t.is(await s.exited, 0, s.output().slice(-500));
    t.regex(s.output(), /A signature key was created\./);
    t.false(s.output().includes(PW), 'the password was echoed');
  } finally {
    s.close();
  }
  const sel = startShell(home, ['sigkey-sel'], 100, 30);
  try {
    await sel.waitFor('KEYNUM values to select');
    sel.pty.write(`1\r${PW}\r`);
    t.is(await sel.exited, 0, sel.output().slice(-500));
    t.regex(sel.output(), /KEYNUM 1 has been made the current signature key/);
    t.false(sel.output().includes(PW));
  } finally {
    sel.close();
  }
});
