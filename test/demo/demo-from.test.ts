import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DemoRunner } from '../../src/demo/demo-runner.ts';
import { parseDemoScript } from '../../src/demo/demo-script.ts';
import { provisioned } from '../../src/journal/journal-start.ts';
import { restoreState } from '../../src/journal/state-snapshot.ts';
import { digestOf } from '../../src/journal/world-digest.ts';
import { ROOT } from '../helpers/cli.ts';
import { workspace } from '../helpers/session.ts';

const script = parseDemoScript(readFileSync(join(ROOT, 'sessions', 'demos', 'rotation.demo'), 'utf8'));

async function demo() {
  const w = await workspace(null);
  restoreState(w.paths, { world: provisioned(script.world), files: new Map() });
  await w.controller.refresh(null);
  return { w, runner: new DemoRunner(script, w.controller, w.paths, { typingMs: 0, sleep: async () => undefined }) };
}

test('--from 5 starts at step 5 on the world that stepping through steps 1-4 builds', async (t) => {
  const stepped = await demo();
  await stepped.runner.start();
  for (let i = 0; i < 4; i++) await stepped.runner.next();
  const jumped = await demo();
  await jumped.runner.start(5);
  t.is(jumped.runner.view.done, jumped.runner.firstStep + 4);
  t.is(jumped.runner.view.shown, stepped.runner.view.done, 'the box shows step 5, about to run');
  t.false(jumped.runner.view.ran);
  t.is(jumped.runner.view.current?.title, 'Commit the new master key register');
  t.is(await digestOf(jumped.w.controller.baseEngine), await digestOf(stepped.w.controller.baseEngine));
  t.deepEqual(jumped.w.controller.view.world?.units.map((u) => u.newRegister.state), ['Full Uncommitted', 'Full Uncommitted', 'Empty', 'Empty']);
  await jumped.runner.back();
  await stepped.runner.back();
  t.is(jumped.runner.view.current?.title, 'Load the new master key register', 'going back from step 5 works as after stepping');
  t.is(await digestOf(jumped.w.controller.baseEngine), await digestOf(stepped.w.controller.baseEngine));
});

test('the runner keeps what the step on show printed, and how each step ended', async (t) => {
  const { runner } = await demo();
  await runner.start();
  await runner.next();
  t.true(runner.view.ran);
  t.is(runner.view.output[0]?.text, 'tkesim> cryptounit-compare');
  t.true(runner.view.output.some((i) => i.text.includes('All crypto units are configured the same')));
  t.deepEqual(runner.results[runner.firstStep]?.outcome, { status: 'ok' });
  await runner.back();
  t.regex(runner.view.output[0]?.text ?? '', /back: step 1 is next again/);
});
