import test from 'ava';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { castV2Problems, parseCast } from '../../src/journal/cast-format.ts';
import { parseJournal } from '../../src/journal/journal-chain.ts';
import { ASCIINEMA_REQUIRED, asciinemaAvailable, asciinemaCat } from '../helpers/asciinema.ts';
import { ensureBuilt, newHome, tkesim } from '../helpers/cli.ts';
import { startShell, type Screen } from '../helpers/pty.ts';

test.before(ensureBuilt);

async function dialog(s: Screen, line: string, answers: readonly [string | RegExp, string][] = [], done: string | RegExp = /^OK$/m): Promise<void> {
  let m = s.mark();
  await s.typeLine(line);
  for (const [prompt, answer] of answers) {
    await s.waitFor(prompt, m);
    m = s.mark();
    await s.typeLine(answer);
  }
  const end = await s.waitFor(done, m);
  await s.waitFor(/tkesim>\s*$/m, end);
}

const PW = ['Alice-Scan-pw-11', 'Bob-Scan-pw-22'];
const PART_PW = ['Part-Scan-pw-33', 'Part-Scan-pw-44'];
const PART_VALUES = ['3f'.repeat(8) + 'a1b2c3d4e5f60718'.repeat(3), 'c0ffee00'.repeat(8)];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function xorHex(a: string, b: string): string {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return Buffer.from(x.map((v, i) => v ^ (y[i] ?? 0))).toString('hex');
}
const MASTER_KEY = xorHex(PART_VALUES[0] ?? '', PART_VALUES[1] ?? '');
/** Every secret of the session in every form it could be typed or written. */
const ENCODED = [...PW, ...PART_PW, ...[...PART_VALUES, MASTER_KEY].flatMap((v) => [v, v.toUpperCase(), Buffer.from(v, 'hex').toString('base64')])];

function secretsInText(text: string, where: string): string[] {
  return ENCODED.filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${where}`);
}

/** The simulated units keep their master key in world.json (mode 0600), as a real HSM keeps it inside; nothing else may. */
const MK_FORMS = new Set([MASTER_KEY, MASTER_KEY.toUpperCase(), Buffer.from(MASTER_KEY, 'hex').toString('base64')]);

function secretsIn(files: readonly string[]): string[] {
  return files.flatMap((f) => secretsInText(readFileSync(f).toString('latin1'), f).filter((hit) => !(f.endsWith('world.json') && MK_FORMS.has(hit.split(' in ')[0] ?? ''))));
}

async function keyPartSession(s: Screen): Promise<void> {
  await dialog(s, 'cryptounit-add', [['CRYPTO UNIT NUM to add', '1 2']]);
  await dialog(s, 'sigkey-add', [['administrator name', 'Alice'], ['password to protect', PW[0] ?? ''], ['Re-enter', PW[0] ?? '']]);
  await dialog(s, 'sigkey-add', [['administrator name', 'Bob'], ['password to protect', PW[1] ?? ''], ['Re-enter', PW[1] ?? '']]);
  await dialog(s, 'sigkey-sel', [['KEYNUM values to select', '1 2'], ['password for KEYNUM 1', PW[0] ?? ''], ['password for KEYNUM 2', 'a-wrong-one']], /^FAILED$/m);
  await dialog(s, 'sigkey-sel', [['KEYNUM values to select', '1'], ['password for KEYNUM 1', PW[0] ?? '']]);
  await dialog(s, 'cryptounit-admin-add', [['KEYNUM of the administrator', '1'], ['password for the administrator', PW[0] ?? '']]);
  await dialog(s, 'cryptounit-thrhld-set', [['new signature threshold', '1'], ['new revocation', '1'], ['identified by', PW[0] ?? '']]);
  for (const [i, value] of PART_VALUES.entries()) {
    await dialog(s, 'mk-add --value', [['key part value', value], ['description', `part ${i + 1}`], ['password to protect', PART_PW[i] ?? ''], ['Re-enter', PART_PW[i] ?? '']]);
  }
  await dialog(s, 'cryptounit-mk-load', [['2 or 3 values', '1 2'], ['identified by', PW[0] ?? ''], ['key file 1', PART_PW[0] ?? ''], ['key file 2', PART_PW[1] ?? '']]);
}

test('tkesim --record: every secret of a session, then each typed at the prompt, leaves none of them in any file or on screen', async (t) => {
  const home = newHome();
  const name = join(home.dir, 'out', 'scan');
  const s = startShell(home, ['--record', name], 110, 40);
  let screenText = '';
  try {
    await s.waitFor('tkesim>');
    await keyPartSession(s);
    // The slip: a secret typed at the command prompt. It is neither run nor kept, and the trainee is told.
    for (const secret of ENCODED) await dialog(s, secret, [], /was not run and is not kept/);
    screenText = s.output();
    await s.typeLine('exit');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
  t.deepEqual(secretsInText(screenText, 'the terminal'), []);
  const cast = `${name}.cast`;
  const journalFile = `${name}.journal.jsonl`;
  const written = filesUnder(home.dir);
  t.true(written.includes(cast) && written.includes(journalFile) && written.includes(join(home.dir, 'history')) && written.includes(join(home.dir, 'world.json')));
  t.deepEqual(secretsIn(written), []);
  // The terminal did show the session, and the .cast holds it.
  const text = readFileSync(cast, 'utf8');
  t.deepEqual(castV2Problems(text), []);
  const output = parseCast(text).events.filter((e) => e.code === 'o').map((e) => e.data).join('');
  t.regex(output, /The new master key register has been loaded/);
  t.false(parseCast(text).events.some((e) => e.code === 'i'), 'no input events unless asked');
  const journal = parseJournal(readFileSync(journalFile, 'utf8'));
  t.deepEqual(journal.entries.filter((e) => e.type === 'command').map((e) => (e.type === 'command' ? e.outcome.status : '')), ['ok', 'ok', 'ok', 'failed', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  if (asciinemaAvailable()) {
    const r = asciinemaCat(cast);
    t.is(r.status, 0, r.out.slice(-300));
  } else if (ASCIINEMA_REQUIRED) t.fail('asciinema is not installed');
  t.true(journal.entries.some((e) => e.type === 'marker' && /held a secret/.test(e.label)), 'the slip is noted, not its text');
  // Replayed without a terminal: the recorded transcript, the chain intact, nothing asked.
  const replay = await tkesim(home, ['replay', journalFile]);
  t.is(replay.code, 0, replay.out.slice(-400));
  t.regex(replay.out, /-- step 10: ok/);
  t.regex(replay.out, /hash chain is intact/);
  t.deepEqual(secretsInText(replay.out, 'the replay'), []);
});

test('record start / record stop in the shell, and tkesim record through a pseudo-terminal with --input: keystrokes of secrets are never recorded', async (t) => {
  const home = newHome();
  const inner = join(home.dir, 'inner');
  const outer = join(home.dir, 'outer');
  const s = startShell(home, ['record', outer, '--input', '--'], 110, 40);
  try {
    await s.waitFor('tkesim>');
    await dialog(s, 'record', [], /Recording to .*outer\.journal\.jsonl/);
    await dialog(s, `record start ${inner}`, [], /A recording is already in progress/);
    await dialog(s, 'sigkey-add', [['administrator name', 'Alice'], ['password to protect', PW[0] ?? ''], ['Re-enter', PW[0] ?? '']]);
    await s.typeLine('exit');
    t.is(await s.exited, 0);
  } finally {
    s.close();
  }
  const text = readFileSync(`${outer}.cast`, 'utf8');
  t.deepEqual(castV2Problems(text), []);
  const events = parseCast(text).events;
  const typed = events.filter((e) => e.code === 'i').map((e) => e.data).join('');
  t.regex(typed, /sigkey-add/);
  t.regex(typed, /Alice/);
  t.deepEqual(secretsIn(filesUnder(home.dir)), []);
  t.true(events.some((e) => e.code === 'm' && /step 1: sigkey-add/.test(e.data)), 'markers come through the channel');
  t.false(/\u001b\]7770/.test(text), 'the channel is not in the .cast');
  const journal = parseJournal(readFileSync(`${outer}.journal.jsonl`, 'utf8'));
  t.is(journal.entries.filter((e) => e.type === 'command').length, 1);

  const home2 = newHome();
  const named = join(home2.dir, 'mid');
  const s2 = startShell(home2, [], 110, 40);
  try {
    await s2.waitFor('tkesim>');
    await dialog(s2, 'cryptounit-add', [['CRYPTO UNIT NUM to add', '1']]);
    await dialog(s2, `record start ${named}`, [], /Recording to/);
    await dialog(s2, 'sigkey-add', [['administrator name', 'Bob'], ['password to protect', PW[1] ?? ''], ['Re-enter', PW[1] ?? '']]);
    await dialog(s2, 'record stop', [], /Recorded: /);
    await dialog(s2, 'cryptounits', [], /CRYPTO UNIT NUM/);
    await s2.typeLine('exit');
    t.is(await s2.exited, 0);
  } finally {
    s2.close();
  }
  const mid = parseJournal(readFileSync(`${named}.journal.jsonl`, 'utf8'));
  t.is(mid.header.start.kind, 'view');
  t.deepEqual(mid.entries.filter((e) => e.type === 'command').map((e) => (e.type === 'command' ? e.line : '')), ['sigkey-add']);
  t.deepEqual(castV2Problems(readFileSync(`${named}.cast`, 'utf8')), []);
  t.deepEqual(secretsIn(filesUnder(home2.dir)), []);
  const replay = await tkesim(home2, ['replay', `${named}.journal.jsonl`]);
  t.is(replay.code, 0, replay.out);
});
