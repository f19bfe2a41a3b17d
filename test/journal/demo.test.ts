import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CastWriter } from '../../src/record/cast-writer.ts';
import { DemoRunner } from '../../src/demo/demo-runner.ts';
import { DemoScriptError, parseDemoScript } from '../../src/demo/demo-script.ts';
import { parseJournal } from '../../src/journal/journal-chain.ts';
import { Recorder } from '../../src/record/recorder.ts';
import { loadReplay } from '../../src/replay/replay-engine.ts';
import { workspace } from '../helpers/session.ts';

const SCRIPT = `
# a small demo
title: Two admins
seed: demo-test
training alice = Alice-demo-pw-1
training bob = Bob-demo-pw-2

## setup: select
$ cryptounit-add
> 1 2

## Alice's key
Alice gets a signature key.
note: only the presenter sees this
$ sigkey-add
> Alice
> @alice
> @alice

## A card with no command
Questions?

## Bob's key
$ sigkey-add
> Bob
> @bob
> @bob
`;

test('a demo script: header, training values, setup steps, narration, notes and answers', (t) => {
  const s = parseDemoScript(SCRIPT);
  t.is(s.title, 'Two admins');
  t.is(s.world.seed, 'demo-test');
  t.deepEqual(s.steps.map((x) => [x.title, x.setup, x.command]), [
    ['select', true, 'cryptounit-add'], ["Alice's key", false, 'sigkey-add'], ['A card with no command', false, null], ["Bob's key", false, 'sigkey-add'],
  ]);
  t.deepEqual(s.steps[1]?.answers, [{ text: 'Alice' }, { text: 'Alice-demo-pw-1', training: 'alice' }, { text: 'Alice-demo-pw-1', training: 'alice' }]);
  t.deepEqual(s.steps[1]?.notes, ['only the presenter sees this']);
  t.deepEqual(s.steps[2]?.narration, ['Questions?']);
});

test('demo script mistakes are reported with their line', (t) => {
  t.throws(() => parseDemoScript('title: x\n## a\n$ help'), { instanceOf: DemoScriptError, message: /seed/ });
  t.throws(() => parseDemoScript('seed: s\n## a\n$ sigkey-add\n> @nobody'), { message: /line 4: no training value named "nobody"/ });
  t.throws(() => parseDemoScript('seed: s\n## a\n> 1'), { message: /line 3: an answer comes after/ });
  t.throws(() => parseDemoScript('seed: s\nhello\n## a'), { message: /line 2/ });
  t.throws(() => parseDemoScript('seed: s\nworld: --units 9 --region mars\n## a'), { message: /line 2: Unknown region/ });
  t.throws(() => parseDemoScript('seed: s\n## a\n## setup: b'), { message: /setup steps come before/ });
});

test.serial('the demo runner: steps, back (journaled as a rewind), and a replay that follows the rewind', async (t) => {
  const script = parseDemoScript(SCRIPT);
  const w = await workspace(null);
  const { restoreState } = await import('../../src/journal/state-snapshot.ts');
  const { provisioned } = await import('../../src/journal/journal-start.ts');
  restoreState(w.paths, { world: provisioned(script.world), files: new Map() });
  await w.controller.refresh(null);
  const journalFile = join(w.dir, 'demo.journal.jsonl');
  const recorder = new Recorder({ sink: new CastWriter(join(w.dir, 'demo.cast'), { width: 80, height: 24 }), castFile: join(w.dir, 'demo.cast'), journalFile, title: 'demo', env: w.env });
  const runner = new DemoRunner(script, w.controller, w.paths, { typingMs: 0, sleep: async () => undefined });
  try {
    await recorder.attach(w.controller, { demo: join(w.dir, 'x.demo') });
    await runner.start();
    t.is(runner.view.done, 1);
    await runner.back();
    t.regex(runner.view.message ?? '', /first step/);
    await runner.next();
    t.deepEqual(w.controller.view.signatureKeyNames, []);
    t.is(w.controller.view.keynums.length, 1);
    await runner.next();
    await runner.next();
    t.is(w.controller.view.keynums.length, 2);
    t.is(runner.view.phase, 'finished');
    await runner.back();
    await runner.back();
    t.is(runner.view.done, 2);
    t.is(w.controller.view.keynums.length, 1, 'back restores the workstation too');
    await runner.next();
    await runner.next();
    t.is(w.controller.view.keynums.length, 2);
  } finally {
    recorder.stop();
  }
  const text = readFileSync(journalFile, 'utf8');
  t.false(text.includes('Alice-demo-pw-1') || text.includes('Bob-demo-pw-2'));
  const journal = parseJournal(text);
  t.is(journal.header.demo, 'x.demo');
  t.deepEqual(journal.entries.filter((e) => e.type === 'rewind').map((e) => (e.type === 'rewind' ? e.to : -1)), [2, 2]);
  t.deepEqual(journal.entries.filter((e) => e.type === 'marker').map((e) => (e.type === 'marker' ? e.label : '')), [
    'setup: select', "1. Alice's key", '2. A card with no command', "3. Bob's key", '2. A card with no command', "3. Bob's key",
  ]);
  const replay = await loadReplay(journal, { env: w.env, training: script.training });
  try {
    t.deepEqual(replay.diverged, []);
    t.deepEqual(replay.frames.map((f) => f.kind), ['start', 'command', 'command', 'command', 'rewind', 'rewind', 'command']);
    t.is(replay.frames[5]?.digest, replay.frames[2]?.digest);
    t.is(replay.frames[6]?.digest, replay.frames[3]?.digest, 'the same step after going back gives the same state');
  } finally {
    replay.dispose();
  }
});
