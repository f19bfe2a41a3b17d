import test from 'ava';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CastWriter } from '../../src/record/cast-writer.ts';
import { readJournal } from '../../src/journal/journal-chain.ts';
import { Recorder } from '../../src/record/recorder.ts';
import { recordedReplay } from '../../src/journal/recorded-replay.ts';
import { takeOverStart } from '../../src/replay/take-over-state.ts';
import { ensureBuilt, newHome, tkesim } from '../helpers/cli.ts';
import { ceremony, PASSWORDS, run, workspace, type Workspace } from '../helpers/session.ts';

test.before(ensureBuilt);

async function record(w: Workspace, name: string, script: () => Promise<void>): Promise<string> {
  const journalFile = join(w.dir, `${name}.journal.jsonl`);
  let t = 0;
  const clock = () => (t += 0.5);
  const sink = new CastWriter(join(w.dir, `${name}.cast`), { width: 100, height: 30, clock });
  const recorder = new Recorder({ sink, castFile: join(w.dir, `${name}.cast`), journalFile, title: name, env: w.env, clock });
  await recorder.attach(w.controller);
  await script();
  recorder.stop();
  return journalFile;
}

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');
const join_ = (ls: readonly string[]): string => `${ls.join('\n')}\n`;
/** The line number (0-based, header 0) of command step n. */
const lineOfStep = (ls: readonly string[], n: number): number => ls.findIndex((l) => l.includes('"type":"command"') && JSON.parse(l).step === n);

let journalText = '';
test.before(async () => {
  const w = await workspace('integrity');
  const file = await record(w, 'intact', async () => {
    await run(w.controller, 'cryptounit-add', ['1 2']);
    await run(w.controller, 'sigkey-add', ['Alice', PASSWORDS.alice, PASSWORDS.alice]);
    await run(w.controller, 'sigkey-sel', ['1', 'wrong']);
    await run(w.controller, 'sigkey-sel', ['1', PASSWORDS.alice]);
    await run(w.controller, 'cryptounits');
  });
  journalText = readFileSync(file, 'utf8');
});

const problemsOf = (text: string): string[] => readJournal(text).problems.map((p) => p.message);

test('an intact journal: no problem, ended cleanly', (t) => {
  const c = readJournal(journalText);
  t.deepEqual(c.problems, []);
  t.true(c.ended);
  t.false(c.truncated);
});

test('a deleted step is named', (t) => {
  const ls = lines(journalText);
  ls.splice(lineOfStep(ls, 3), 1);
  const p = problemsOf(join_(ls));
  t.true(p.some((m) => /step 3 is missing/.test(m)), p.join(' | '));
  t.true(p.some((m) => /line before step 4/.test(m)), p.join(' | '));
});

test('two deleted steps are named', (t) => {
  const ls = lines(journalText);
  ls.splice(lineOfStep(ls, 2), 2);
  t.true(problemsOf(join_(ls)).some((m) => /steps 2 to 3 are missing/.test(m)));
});

test('a reordered step is named', (t) => {
  const ls = lines(journalText);
  const i = lineOfStep(ls, 2);
  const [a = '', b = ''] = [ls[i], ls[i + 1]];
  ls[i] = b;
  ls[i + 1] = a;
  const p = problemsOf(join_(ls));
  t.true(p.some((m) => /step 2 is out of order|step 2 is missing/.test(m)), p.join(' | '));
  t.true(p.some((m) => /line before step 3/.test(m) || /line before step 2/.test(m)), p.join(' | '));
});

test('an edited outcome (failed made ok) is named', (t) => {
  const ls = lines(journalText);
  const i = lineOfStep(ls, 3);
  ls[i] = (ls[i] ?? '').replace('"status":"failed"', '"status":"ok"');
  t.not(ls[i], lines(journalText)[i]);
  t.deepEqual(problemsOf(join_(ls)), ['step 3 (line ' + String(i + 1) + ') was edited: its hash does not match its content']);
});

test('an edited answer is named', (t) => {
  const ls = lines(journalText);
  const i = lineOfStep(ls, 1);
  ls[i] = (ls[i] ?? '').replace('"value":"1 2"', '"value":"1"');
  t.not(ls[i], lines(journalText)[i]);
  t.true(problemsOf(join_(ls)).some((m) => /step 1 \(line \d+\) was edited/.test(m)));
});

test('an edited header is named', (t) => {
  const ls = lines(journalText);
  ls[0] = (ls[0] ?? '').replace('"title":"intact"', '"title":"someone else"');
  t.true(problemsOf(join_(ls)).some((m) => /header was edited/.test(m)));
});

test('a truncated last line is reported and the rest still plays', (t) => {
  const ls = lines(journalText);
  const cut = `${join_(ls.slice(0, -1))}${(ls[ls.length - 1] ?? '').slice(0, 40)}`;
  const c = readJournal(cut);
  t.true(c.truncated);
  t.deepEqual(c.problems, []);
  const replay = recordedReplay(c);
  t.is(replay.frames.filter((f) => f.kind === 'command').length, 5);
  t.true(replay.integrity.some((l) => /TRUNCATED/.test(l)));
});

test('replay without a terminal exits non-zero for a tampered journal, naming the step', async (t) => {
  const home = newHome();
  const ls = lines(journalText);
  ls.splice(lineOfStep(ls, 2), 1);
  const file = join(home.dir, 'cut.journal.jsonl');
  writeFileSync(file, join_(ls));
  const r = await tkesim(home, ['replay', file], [], {});
  t.is(r.code, 1, r.out.slice(-300));
  t.regex(r.out, /step 2 is missing/);
  const intact = join(home.dir, 'ok.journal.jsonl');
  writeFileSync(intact, journalText);
  const ok = await tkesim(home, ['replay', intact]);
  t.is(ok.code, 0, ok.out.slice(-300));
  const missing = await tkesim(home, ['replay', join(home.dir, 'nope.journal.jsonl')]);
  t.is(missing.code, 1);
  t.regex(missing.err, /was not found/);
  t.notRegex(missing.err, /ENOENT/);
});

test('a recording made on an initialized world with a known master key holds no key material, plays, and can be taken over', async (t) => {
  const w = await workspace('initialized');
  await ceremony(w.controller);
  const world = await w.controller.baseEngine.world();
  const secrets = world.units.flatMap((u) => [u.currentRegister.key, u.newRegister.key, u.importer.secretKey]).filter((k): k is string => !!k);
  t.true(secrets.length > 0);
  const file = await record(w, 'snap', async () => {
    await run(w.controller, 'cryptounits');
    await run(w.controller, 'cryptounit-compare');
  });
  const text = readFileSync(file, 'utf8');
  for (const k of secrets) {
    t.false(text.includes(k), 'a unit secret is in the journal');
    t.false(text.includes(k.toUpperCase()));
    t.false(text.includes(Buffer.from(k, 'hex').toString('base64')));
  }
  t.false(text.includes(PASSWORDS.alice));
  const checked = readJournal(text);
  t.deepEqual(checked.problems, []);
  t.is(checked.journal.header.start.kind, 'view');
  const replay = recordedReplay(checked);
  t.true(replay.frames.every((f) => f.problems.length === 0));
  const last = replay.frames[replay.frames.length - 1];
  if (!last) return t.fail();
  t.is(last.view.world.units[0]?.currentRegister.state, 'Valid');
  const begin = await takeOverStart(checked.journal, last.step, last.view, w.env, new Map());
  t.regex(begin.facts.inexact ?? '', /stand-in/);
  const unit = begin.state.world.units[0];
  t.is(unit?.currentRegister.state, 'Valid');
  t.truthy(unit?.currentRegister.key);
  t.false(secrets.includes(unit?.currentRegister.key ?? ''), 'the stand-in master key is new');
  t.is(unit?.admins.length, world.units[0]?.admins.length);
});
