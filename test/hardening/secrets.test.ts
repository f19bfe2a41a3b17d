/**
 * Secrets: every command that takes a secret runs with distinctive passwords and key part values
 * (one-shot, and a shell session recorded to a journal and a cast); then every file under
 * TKESIM_HOME, CLOUDTKEFILES, the wire log and the recording, and everything printed, is scanned
 * for each secret as text, its hex (both cases) and its base64: none is found.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { CastWriter } from '../../src/record/cast-writer.ts';
import { Recorder } from '../../src/record/recorder.ts';
import { ShellController } from '../../src/shell/controller.ts';
import { shellEngine } from '../../src/shell/engine-adapter.ts';
import { ensureBuilt, freshHome, tkesimEnv } from '../store/helpers.ts';
import { describe, run } from './helpers.ts';

test.before(() => ensureBuilt());

const PW = { alice: 'Alice-Pw-7Qx!horse', bob: 'Bob-Pw-9Zk#battery', part1: 'Part1-Pw-3Lm$staple', part2: 'Part2-Pw-5Rt%correct', part3: 'Part3-Pw-8Vn&zebra', part4: 'Part4-Pw-2Hy*quartz', carol: 'Carol-Pw-4Jd^ember', dave: 'Dave-Pw-6Fw(lilac' };
const VALUE = { v1: '5ec7e75ec7e75ec7e7a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcdef', v2: 'c0ffee00c0ffee00deadbeef12345678fedcba9876543210aa55aa55aa55aa55', v3: '0badc0de0badc0de1122334455667788991100ffeeddccbbaa99887766554433' };

/** Every form of a secret that could leak: as typed, hex of its bytes (both cases), base64. */
function forms(secret: string): Buffer[] {
  const out = [Buffer.from(secret)];
  const bytes = /^[0-9a-f]{64}$/.test(secret) ? Buffer.from(secret, 'hex') : Buffer.from(secret);
  out.push(Buffer.from(bytes.toString('hex')), Buffer.from(bytes.toString('hex').toUpperCase()), Buffer.from(bytes.toString('base64')), Buffer.from(bytes.toString('base64url')));
  if (/^[0-9a-f]{64}$/.test(secret)) out.push(Buffer.from(secret.toUpperCase()), bytes);
  return out;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('every command that takes a secret, one-shot and in a recorded shell: no secret, hex or base64 in any file or output', async (t) => {
  t.timeout(300_000);
  const home = await freshHome(t, 'tkesim-secrets-');
  const wire = join(home, 'wire.log');
  const printed: string[] = [];
  const step = async (args: string[], answers: string[], expect = 0) => {
    const r = await run(home, args, { input: answers.map((a) => `${a}\n`).join(''), env: { TKESIM_WIRE_LOG: wire } });
    printed.push(r.stdout, r.stderr);
    if (r.code !== expect) throw new Error(`tkesim ${args.join(' ')} exited ${r.code}: ${describe(r)}`);
  };

  await step(['sim', 'init', '--yes', '--seed', 'secrets'], []);
  await step(['cryptounit-add', '1', '2'], []);
  await step(['sigkey-add'], ['Alice', PW.alice, PW.alice]);
  await step(['sigkey-add'], ['Bob', PW.bob, PW.bob]);
  await step(['sigkey-sel'], ['1 2', PW.alice, PW.bob]);
  await step(['sigkey-sel'], ['1', 'not-the-password'], 1); // a wrong password is not echoed either
  await step(['sigkey-sel'], ['1 2', PW.alice, PW.bob]);
  await step(['cryptounit-admin-add'], ['1', PW.alice]);
  await step(['cryptounit-admin-add'], ['2', PW.bob]);
  await step(['cryptounit-thrhld-set'], ['1', '1', PW.alice]);
  await step(['mk-add', '--random'], ['random part', PW.part1, PW.part1]);
  await step(['mk-add', '--value'], [VALUE.v1, 'chosen part', PW.part2, PW.part2]);
  await step(['cryptounit-mk-load'], ['1 2', PW.alice, PW.part1, PW.part2]);
  await step(['cryptounit-mk-commit'], [PW.alice]);
  await step(['cryptounit-mk-setimm'], ['y', PW.alice]);
  await step(['sim', 'keys', 'create', '5'], []);
  await step(['mk-add', '--value'], [VALUE.v2, 'rotation part a', PW.part3, PW.part3]);
  await step(['mk-add', '--value'], [VALUE.v3, 'rotation part b', PW.part4, PW.part4]);
  await step(['cryptounit-mk-load'], ['3 4', PW.alice, PW.part3, PW.part4]);
  await step(['cryptounit-mk-commit'], [PW.alice]);
  await step(['cryptounit-mk-rotate'], ['y', PW.alice]);
  await step(['cryptounit-mk-load'], ['2 3', PW.alice, PW.part2, PW.part3]);
  await step(['cryptounit-mk-clrnew'], [PW.alice]);
  await step(['cryptounit-mk-clrcur'], ['y', PW.alice]);
  await step(['cryptounit-zeroize'], ['y', PW.alice]);
  // auto-init on a fresh world: thresholds 1/1, two new administrators with their passwords.
  await step(['sim', 'init', '--yes', '--seed', 'secrets-auto'], []);
  await step(['auto-init'], ['', '1', '1', '2', '', 'Carol', PW.carol, PW.carol, 'Dave', PW.dave, PW.dave]);

  // A shell session typed by hand and recorded: passwords and a key part value typed at its prompts.
  const recording = join(home, 'recordings');
  mkdirSync(recording);
  const env = tkesimEnv(home);
  const controller = new ShellController(shellEngine(env));
  await controller.refresh(null);
  const recorder = new Recorder({ sink: new CastWriter(join(recording, 'typed.cast'), { width: 100, height: 30 }), castFile: null, journalFile: join(recording, 'typed.journal.jsonl'), title: 'secrets', env });
  await recorder.attach(controller);
  try {
    const type = async (line: string, answers: string[]) => {
      const done = controller.submit(line);
      for (const a of answers) {
        for (let i = 0; i < 2000 && !controller.view.question; i++) await new Promise((r) => setTimeout(r, 5));
        t.truthy(controller.view.question, `${line} asks for ${answers.length} answers`);
        void controller.submit(a);
      }
      await done;
    };
    await type('mk-add --value', [VALUE.v1, 'typed part', PW.part1, PW.part1]);
    await type('sigkey-add', ['Erin', PW.bob, PW.bob]);
    await type('sigkey-sel', ['1', PW.carol]);
    // KEYNUM 1 is not an installed administrator of this world: it is skipped, not asked for (§8.3).
    await type('cryptounit-mk-clrnew', []);
    // The slip: secrets typed at the command prompt are neither run nor kept.
    for (const secret of [PW.carol, PW.bob, VALUE.v1, VALUE.v1.toUpperCase()]) await type(secret, []);
  } finally {
    recorder.stop();
  }
  for (const item of controller.view.log) printed.push(item.text);

  const written = files(home);
  t.log(written.map((f) => f.slice(home.length)).join(' '));
  t.true(written.some((f) => f.endsWith('.journal.jsonl')) && written.some((f) => f.endsWith('.cast')) && written.includes(wire), 'the recording and the wire log were written');
  const haystacks: [string, Buffer][] = [...written.map((f): [string, Buffer] => [f, readFileSync(f)]), ['everything printed', Buffer.from(printed.join('\n'))]];
  const found: string[] = [];
  for (const [name, secret] of Object.entries({ ...PW, ...VALUE })) {
    for (const form of forms(secret)) {
      for (const [where, bytes] of haystacks) if (bytes.includes(form)) found.push(`${name} (${form.length} bytes) in ${where}`);
    }
  }
  t.deepEqual(found, []);
  t.log(`${written.length} files and ${printed.join('').length} printed characters scanned`);
});
