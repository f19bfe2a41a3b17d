/**
 * The key-part ceremony rehearsed in a terminal, with a wrong password, a command not in the script
 * and a skipped hand-over: the record names the three exceptions with their steps and actors, its
 * verification patterns are the panel's, its hash is printed, and no secret is anywhere.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pgpWords } from '../../src/ceremony/pgp-words.ts';
import { toHex } from '../../src/core/crypto.ts';
import { listKeyParts, openKeyPart } from '../../src/workstation/index.ts';
import { ensureBuilt, newHome } from '../helpers/cli.ts';
import { startShell, type Screen } from '../helpers/pty.ts';

test.before(ensureBuilt);

const PW: Readonly<Record<string, string>> = {
  Alice: 'alice-Pty-Pass-1', Bob: 'bob-Pty-Pass-2', Carol: 'carol-Pty-Pass-3',
  Dave: 'dave-Pty-Part-4', Erin: 'erin-Pty-Part-5', Frank: 'frank-Pty-Part-6',
};
const WRONG = 'alice-Wrong-Guess-9';
const pw = (name: string): string => PW[name] ?? '';
const READY = 'press Enter when ready.';
const WAIT = 30_000;

type Step = readonly [string | RegExp, string];
/** A hand-over to `name`, then their secret at `prompt`. */
const their = (name: string, prompt: string | RegExp, secret = pw(name)): Step[] => [[`Pass the keyboard to ${name}`, ''], [READY, ''], [prompt, secret]];

/** Types a line and answers what it asks, each answer after its prompt shows; ends when `done` shows and the prompt is idle. */
async function dialog(s: Screen, line: string, steps: readonly Step[], done: string | RegExp): Promise<void> {
  let m = s.mark();
  await s.typeLine(line);
  for (const [prompt, answer] of steps) {
    // A hand-over's first line needs no answer: it only says who is next.
    if (typeof prompt === 'string' && prompt.startsWith('Pass the keyboard')) {
      m = await s.waitFor(prompt, m, WAIT);
      continue;
    }
    await s.waitFor(prompt, m, WAIT);
    m = s.mark();
    await s.typeLine(answer);
  }
  const end = await s.waitFor(done, m, WAIT);
  await s.waitFor(/tkesim>\s*$/m, end, WAIT);
}

/** The hand-over back to the next step's actor, after a command. */
const turn = (name: string): Step[] => [[`Pass the keyboard to ${name}`, ''], [READY, '']];
const SIGNER = (name: string) => new RegExp(`identified by:\\s+${name} \\(`);

test('key-part-init in a terminal: three exceptions in the record, read-backs as on the panel, the hash printed, no secret anywhere', async (t) => {
  const home = newHome();
  const base = join(home.dir, 'rec');
  const s = startShell(home, ['ceremony', 'key-part-init', '--out', base], 100, 34);
  try {
    await s.waitFor(/tkesim>\s*$/m, 0, WAIT);
    await dialog(s, 'cryptounits', [], 'Step 2 of 14');
    // Exception 1: a command not in the script, at step 2, by Olivia.
    await dialog(s, 'mks', [], 'type continue, retry, or abort REASON');
    await dialog(s, 'continue', [], 'Olivia decided to continue');
    await dialog(s, 'cryptounit-add 1 2', turn('Alice'), 'Step 3 of 14');
    await dialog(s, 'sigkey-add', [['Enter an administrator name', 'Alice'], ['Enter a password to protect', pw('Alice')], ['Re-enter the password', pw('Alice')]], 'A signature key was created');
    // Exception 2: a wrong password, at step 3, by Alice.
    await dialog(s, 'cryptounit-admin-add 1', [['Enter the password for the administrator signature key file', WRONG]], 'type continue, retry, or abort REASON');
    await dialog(s, 'retry', [], 'Olivia decided to retry');
    await dialog(s, 'cryptounit-admin-add 1', [['Enter the password for the administrator signature key file', pw('Alice')], ...turn('Bob')], 'Step 4 of 14');
    // The screen after a hand-over shows nothing of what the previous person typed.
    t.false(s.screen().includes('> Alice'), s.screen());
    for (const [i, name] of (['Bob', 'Carol'] as const).entries()) {
      await dialog(s, 'sigkey-add', [['Enter an administrator name', name], ['Enter a password to protect', pw(name)], ['Re-enter the password', pw(name)]], 'A signature key was created');
      await dialog(s, `cryptounit-admin-add ${i + 2}`, [['Enter the password for the administrator signature key file', pw(name)], ...turn(i === 0 ? 'Carol' : 'Olivia')], `Step ${i + 5} of 14`);
    }
    // Exception 3: the hand-over to Bob is skipped at step 6: Alice types Bob's password.
    await dialog(s, 'sigkey-sel 1 2', [
      ...their('Alice', 'Enter the password for KEYNUM 1'),
      ['Pass the keyboard to Bob', ''], [READY, 'skip'], ['Enter the password for KEYNUM 2', pw('Bob')],
      ...turn('Olivia'),
    ], 'type continue, retry, or abort REASON');
    await dialog(s, 'continue', [], 'Olivia decided to continue');
    await dialog(s, 'cryptounit-thrhld-set 2 2', [...their('Alice', SIGNER('Alice')), ...their('Bob', SIGNER('Bob')), ...turn('Dave')], 'Step 8 of 14');
    for (const [i, name] of (['Dave', 'Erin', 'Frank'] as const).entries()) {
      const next = ['Erin', 'Frank', 'Olivia'][i] ?? '';
      await dialog(s, 'mk-add --random', [
        ['Enter a description for the key part', `part ${i + 1} ${name}`], ['Enter a password to protect', pw(name)], ['Re-enter the password', pw(name)],
        ...turn(next), ['Does it match?', 'y'],
      ], `Step ${i + 9} of 14`);
    }
    // The load: Alice signs, each custodian types their own part's password; then the read-back.
    let m = s.mark();
    await s.typeLine('cryptounit-mk-load 1 2 3');
    for (const [name, prompt] of [['Alice', SIGNER('Alice')], ['Dave', 'key file 1'], ['Erin', 'key file 2'], ['Frank', 'key file 3']] as const) {
      m = await s.waitFor(`Pass the keyboard to ${name}`, m, WAIT);
      await s.waitFor(READY, m, WAIT);
      m = s.mark();
      await s.typeLine('');
      await s.waitFor(prompt, m, WAIT);
      m = s.mark();
      await s.typeLine(pw(name));
    }
    m = await s.waitFor('Pass the keyboard to Olivia', m, WAIT);
    await s.waitFor(READY, m, WAIT);
    m = s.mark();
    await s.typeLine('');
    await s.waitFor('Does it match?', m, WAIT);
    const atReadBack = s.screen();
    const panelVp = /Full Uncommitted ([0-9a-f]{8})/.exec(atReadBack)?.[1];
    const shownHex = /hex: +((?:[0-9a-f]{8} ){7}[0-9a-f]{8})/.exec(atReadBack)?.[1];
    t.truthy(panelVp, atReadBack);
    t.truthy(shownHex, atReadBack);
    m = s.mark();
    await s.typeLine('y');
    await s.waitFor('Step 12 of 14', m, WAIT);
    await s.waitFor(/tkesim>\s*$/m, m, WAIT);
    await dialog(s, 'cryptounit-mk-commit', [...their('Alice', SIGNER('Alice')), ...their('Bob', SIGNER('Bob')), ...turn('Olivia')], 'Step 13 of 14');
    await dialog(s, 'cryptounit-mk-setimm', [['Answer [y/N]', 'y'], ...their('Alice', SIGNER('Alice')), ...turn('Olivia')], 'Step 14 of 14');
    await dialog(s, 'cryptounit-compare', [['Does it match?', 'y']], 'Read the hash aloud');
    m = s.mark();
    await s.typeLine('exit');
    t.is(await s.exited, 0);
    const after = s.output().slice(m);

    const md = readFileSync(`${base}.md`, 'utf8');
    // Three exceptions, each with its step, actor and kind.
    const rows = md.split('\n').filter((l) => /^\| \d+ \| \d+ \| \d\d:\d\d:\d\dZ \|/.test(l));
    t.is(rows.length, 3, md);
    t.regex(rows[0] ?? '', /^\| 1 \| 2 \| [\d:]+Z \| Olivia \| unscripted command \| "mks" is not in the script at step 2 .*\| continued by Olivia/);
    t.regex(rows[1] ?? '', /^\| 2 \| 3 \| [\d:]+Z \| Alice \| wrong password \| .*The password for the signature key identified by Alice .* is not valid.*\| retried by Olivia/);
    t.regex(rows[2] ?? '', /^\| 3 \| 6 \| [\d:]+Z \| Alice \| hand-over skipped \| the keyboard was not passed to Bob, administrator: Alice answered in Bob's place \| continued by Olivia/);
    t.regex(md, /Completed at [\d:]+Z: 14 of 14 steps done, 3 exception\(s\)\./);
    // The read-back in the record is the pattern the panel and the read-back showed, in both forms.
    const recorded = /Read-back of the NEW REGISTER of units 1 and 2: confirmed by Walter at [\d:]+Z\n\n {4}hex: {3}([0-9a-f ]+)\n {4}words: ([^\n]+)\n {11}([^\n]+)\n {11}([^\n]+)\n {11}([^\n]+)\n/.exec(md);
    t.truthy(recorded, md);
    const hex = recorded?.[1] ?? '';
    t.is(hex, shownHex ?? 'no hex on the screen');
    t.true(hex.startsWith(panelVp ?? '-'));
    const words = [recorded?.[2], recorded?.[3], recorded?.[4], recorded?.[5]].join(' ').split(' ');
    t.deepEqual(words, pgpWords(Buffer.from(hex.replace(/ /g, ''), 'hex')));
    // Known bytes: a verification pattern ends in four zero bytes, read at offsets 28 to 31.
    t.deepEqual(words.slice(28), ['aardvark', 'adroitness', 'aardvark', 'adroitness']);
    // The hash printed at the end and in rec.sha256 is the SHA-256 of rec.md as written, in hex and words.
    const digest = createHash('sha256').update(readFileSync(`${base}.md`)).digest();
    const plain = after.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r\n/g, '\n');
    t.true(plain.includes(`SHA-256 of rec.md (also in rec.sha256):\n  ${digest.toString('hex')}\n`), plain);
    const printedWords = /SHA-256 of rec\.md[^\n]*\n {2}[0-9a-f]{64}\n((?: {2}[^\n]+\n){4})/.exec(plain)?.[1]?.split(/\s+/).filter((w) => w !== '');
    t.deepEqual(printedWords, pgpWords(digest));
    const sha = readFileSync(`${base}.sha256`, 'utf8');
    t.true(sha.startsWith(`${digest.toString('hex')}  rec.md\n`));
    t.deepEqual(sha.split('\n').slice(1).filter((l) => l !== '').map((l) => l.replace(/^# /, '')).join(' ').split(' '), pgpWords(digest));
    // No password, and no key part value in any form, in the record, the journal or the cast.
    const tkeFiles = join(home.dir, 'ceremonies', 'key-part-init', 'tkefiles');
    const parts = await listKeyParts(tkeFiles);
    t.is(parts.length, 3);
    const values: string[] = [];
    for (const [i, part] of parts.entries()) {
      const value = await openKeyPart(part, pw(['Dave', 'Erin', 'Frank'][i] ?? ''));
      t.truthy(value);
      if (value) values.push(toHex(value), toHex(value).toUpperCase(), Buffer.from(value).toString('base64'));
    }
    const secrets = [...Object.values(PW), WRONG, ...values];
    for (const file of [`${base}.md`, `${base}.html`, `${base}.sha256`, `${base}.journal.jsonl`, `${base}.cast`]) {
      const text = readFileSync(file, 'utf8');
      for (const secret of secrets) t.false(text.includes(secret), `${secret.slice(0, 6)}... in ${file}`);
    }
    for (const secret of secrets) t.false(s.output().includes(secret), `${secret.slice(0, 6)}... on the screen`);
    // The screen and its scrollback were cleared at each hand-over.
    t.true(s.output().split('\u001b[3J').length > 20);
  } finally {
    s.close();
  }
});
