import test from 'ava';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { castV2Problems, parseCast } from '../../src/journal/cast-format.ts';
import { CastWriter } from '../../src/record/cast-writer.ts';
import { type JournalCommand } from '../../src/journal/journal-format.ts';
import { parseJournal } from '../../src/journal/journal-chain.ts';
import { markLessonStep } from '../../src/journal/markers.ts';
import { Recorder } from '../../src/record/recorder.ts';
import { loadReplay } from '../../src/replay/replay-engine.ts';
import { readJournal } from '../../src/journal/journal-chain.ts';
import { recordedReplay } from '../../src/journal/recorded-replay.ts';
import { takeOverStart } from '../../src/replay/take-over-state.ts';
import { ceremony, PARTS, PASSWORDS, run, workspace } from '../helpers/session.ts';

function fakeClock(): () => number {
  let t = 0;
  return () => (t += 0.25);
}

async function recorded(seed: string | null, script: (w: Awaited<ReturnType<typeof workspace>>) => Promise<void>) {
  const w = await workspace(seed);
  const clock = fakeClock();
  const castFile = join(w.dir, 'rec.cast');
  const journalFile = join(w.dir, 'rec.journal.jsonl');
  const sink = new CastWriter(castFile, { width: 100, height: 30, title: 'test', env: {}, clock });
  const recorder = new Recorder({ sink, castFile, journalFile, title: 'test', env: w.env, clock });
  try {
    await recorder.attach(w.controller);
    await script(w);
  } finally {
    recorder.stop();
  }
  return { w, castFile, journalFile, journal: parseJournal(readFileSync(journalFile, 'utf8')), cast: readFileSync(castFile, 'utf8') };
}

const commands = (entries: readonly { type: string }[]) => entries.filter((e): e is JournalCommand => e.type === 'command');

test.serial('a recorded ceremony: one journal entry per command, secrets as slots, digests that replay step by step', async (t) => {
  const { w, journal, cast } = await recorded('rec-ceremony', async (ws) => {
    markLessonStep('Step 1: secure the units');
    await ceremony(ws.controller);
  });
  t.is(journal.header.start.kind, 'provision');
  t.is(journal.header.seed, 'rec-ceremony');
  const cmds = commands(journal.entries);
  t.is(cmds.length, 12);
  t.deepEqual(cmds.map((c) => c.step), [...Array(12).keys()].map((i) => i + 1));
  t.true(cmds.every((c) => c.outcome.status === 'ok'), JSON.stringify(cmds.map((c) => c.outcome)));
  const sigkeyAdd = cmds[1];
  t.deepEqual(sigkeyAdd?.answers.map((a) => (a.kind === 'secret' ? `secret:${a.label}:${a.slot}` : `${a.kind}:${a.value}`)), ['text:Alice', 'secret:new password:1', 'secret:password confirmation:1']);
  // The same password later (sigkey-sel) has the same slot; Bob's has another.
  const sel = cmds[3];
  t.deepEqual(sel?.answers.filter((a) => a.kind === 'secret').map((a) => (a.kind === 'secret' ? a.slot : -1)), [1, 2]);
  t.true(journal.entries.some((e) => e.type === 'marker' && e.kind === 'lesson-step'));
  t.regex(cast, /"m","lesson: Step 1: secure the units"/);
  t.regex(cast, /"m","step 12: cryptounit-mk-setimm"/);
  t.deepEqual(castV2Problems(cast), []);

  const replay = await loadReplay(journal, { env: w.env });
  try {
    t.deepEqual(replay.diverged, []);
    t.is(replay.frames.length, 13);
    for (const [i, c] of cmds.entries()) t.is(replay.frames[i + 1]?.digest, c.digest, `step ${c.step}`);
    t.is(replay.frames[12]?.state.world.units[0]?.currentRegister.state, 'Valid');
  } finally {
    replay.dispose();
  }
  const written = [readFileSync(join(w.dir, 'rec.cast'), 'utf8'), readFileSync(join(w.dir, 'rec.journal.jsonl'), 'utf8')];
  for (const secret of [...Object.values(PASSWORDS), ...PARTS]) for (const text of written) t.false(text.includes(secret), `${secret} was recorded`);
});

test.serial('a mistyped password replays as a failure, and the replay agrees with the recording', async (t) => {
  const { w, journal } = await recorded('rec-mistyped', async (ws) => {
    await run(ws.controller, 'sigkey-add', ['Alice', PASSWORDS.alice, PASSWORDS.alice]);
    await run(ws.controller, 'sigkey-sel', ['1', 'wrong-password']);
    await run(ws.controller, 'sigkey-add', ['Bob', PASSWORDS.bob, 'not-the-same']);
    await run(ws.controller, 'sigkey-add', ['Carol', null]);
    await run(ws.controller, 'sigkey-sel', ['1', PASSWORDS.alice]);
  });
  const cmds = commands(journal.entries);
  t.deepEqual(cmds.map((c) => c.outcome.status), ['ok', 'failed', 'failed', 'cancelled', 'ok']);
  const cancelled = cmds[3]?.answers.find((a) => a.kind === 'secret');
  t.is(cancelled?.kind === 'secret' ? cancelled.slot : 'none', null);
  const replay = await loadReplay(journal, { env: w.env });
  try {
    t.deepEqual(replay.diverged, []);
    t.deepEqual(replay.frames.slice(1).map((f) => f.problems), [[], [], [], [], []]);
  } finally {
    replay.dispose();
  }
});

test.serial('an unseeded world stays unseeded: its journal starts from a public view, and plays from the recorded views', async (t) => {
  const { w, journal } = await recorded(null, async (ws) => {
    await run(ws.controller, 'cryptounit-add', ['1 2']);
    await run(ws.controller, 'sigkey-add', ['Alice', PASSWORDS.alice, PASSWORDS.alice]);
  });
  t.is(journal.header.seed, null);
  t.is(journal.header.start.kind, 'view');
  t.false(w.controller.view.log.some((i) => /now has the seed/.test(i.text)));
  const played = recordedReplay(readJournal(readFileSync(join(w.dir, 'rec.journal.jsonl'), 'utf8')));
  t.false(played.tampered);
  t.deepEqual(played.frames.map((f) => f.kind), ['start', 'command', 'command']);
  t.deepEqual(played.frames[2]?.view.workstation.signatureKeys.map((k) => k.name), ['Alice']);
});

test.serial('a recording started mid-session keeps no key file, and take-over continues on stand-ins', async (t) => {
  const w = await workspace('mid-session');
  await run(w.controller, 'cryptounit-add', ['1 2']);
  await run(w.controller, 'sigkey-add', ['Alice', PASSWORDS.alice, PASSWORDS.alice]);
  const journalFile = join(w.dir, 'mid.journal.jsonl');
  const sink = new CastWriter(join(w.dir, 'mid.cast'), { width: 80, height: 24, clock: fakeClock() });
  const recorder = new Recorder({ sink, castFile: join(w.dir, 'mid.cast'), journalFile, title: 'mid', env: w.env });
  await recorder.attach(w.controller);
  await run(w.controller, 'sigkey-sel', ['1', PASSWORDS.alice]);
  await run(w.controller, 'cryptounit-add', ['1']);
  recorder.stop();
  const text = readFileSync(journalFile, 'utf8');
  const journal = parseJournal(text);
  t.is(journal.header.start.kind, 'view');
  t.false(/"files"|"secretKey":"[0-9a-f]|"ciphertext"/.test(text), "no workstation file content or private key in the journal");
  const played = recordedReplay(readJournal(text));
  t.is(played.frames[1]?.view.selection.signatureKeyNames.join(), 'Alice');
  const view = played.frames[2]?.view;
  if (!view) return t.fail('no frame for step 2');
  const begin = await takeOverStart(journal, 2, view, w.env, new Map());
  t.truthy(begin.facts.inexact);
  t.deepEqual(begin.facts.standInFiles.map((f) => f.password), ['standin-key-1']);
  t.is(begin.state.world.units.length, view.world.units.length);
  for (const f of ['mid.cast', 'mid.journal.jsonl']) t.false(readFileSync(join(w.dir, f), 'utf8').includes(PASSWORDS.alice), f);
});

test.serial('the shell switching to another world (a lesson) is journaled as a restart, and replays', async (t) => {
  const other = await workspace('another-world');
  const { journal } = await recorded('first-world', async (ws) => {
    await run(ws.controller, 'cryptounit-add', ['1 2']);
    await ws.controller.useEngine(other.controller.baseEngine);
    await run(ws.controller, 'cryptounit-add', ['1']);
    await run(ws.controller, 'sigkey-add', ['Alice', PASSWORDS.alice, PASSWORDS.alice]);
  });
  t.deepEqual(journal.entries.map((e) => e.type), ['command', 'restart', 'command', 'command', 'end']);
  const restart = journal.entries[1];
  t.is(restart?.type === 'restart' ? restart.seed : null, 'another-world');
  const replay = await loadReplay(journal, { env: process.env });
  try {
    t.deepEqual(replay.diverged, []);
    t.deepEqual(replay.frames.map((f) => f.kind), ['start', 'command', 'restart', 'command', 'command']);
    t.is(replay.frames[3]?.selection.units.length, 1);
  } finally {
    replay.dispose();
  }
});

test.serial('the cast has a valid header and events; resize and input events are written as asciicast v2', (t) => {
  const file = join(mkdtempSync(join(tmpdir(), 'tkesim-cast-')), 'x.cast');
  const w = new CastWriter(file, { width: 90, height: 20, title: 'x', env: { TERM: 'xterm', SHELL: '/bin/zsh' }, clock: fakeClock() });
  w.output('hello ');
  w.output(Buffer.from([0xe2, 0x94]));
  w.output(Buffer.from([0x80, 0x0a]));
  w.resize(100, 30);
  w.marker('step 1: x');
  w.input('ls\r');
  w.close();
  const text = readFileSync(file, 'utf8');
  t.deepEqual(castV2Problems(text), []);
  const cast = parseCast(text);
  t.is(cast.header.width, 90);
  t.deepEqual(cast.events.map((e) => e.code), ['o', 'o', 'r', 'm', 'i']);
  t.is(cast.events.filter((e) => e.code === 'o').map((e) => e.data).join(''), 'hello ─\n');
  t.is(cast.events[2]?.data, '100x30');
});
