/** The lessons on the master key registers open with the register diagram; the others with the table. */
import test from 'ava';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LESSONS } from '../../src/lessons/catalogue/index.ts';
import { LessonHost } from '../../src/lessons/host.ts';
import { registerLessonBuiltins } from '../../src/lessons/lesson-builtins.ts';
import { ShellController } from '../../src/shell/controller.ts';
import { shellEngine } from '../../src/shell/engine-adapter.ts';
import { testEnv } from './helpers.ts';

test('key parts, load/commit/activate and rotation ask for the diagram; no other lesson does', (t) => {
  t.deepEqual(LESSONS.filter((l) => l.panel === 'diagram').map((l) => l.id), ['04-key-parts', '05-load-commit-activate', '07-rotate']);
});

test('starting a lesson in the shell switches the panel to the view the lesson opens with', async (t) => {
  const env = testEnv(mkdtempSync(join(tmpdir(), 'tkesim-panel-view-')));
  const host = new LessonHost(env);
  const c = new ShellController(shellEngine(env));
  await c.refresh(null);
  registerLessonBuiltins(c, host, () => shellEngine(env));
  await c.submit('lesson 5');
  t.is(c.view.panelView, 'diagram');
  t.is(host.session?.number, 5);
  await c.submit('lesson 6');
  t.is(c.view.panelView, 'table');
  await c.submit('lesson 7');
  t.is(c.view.panelView, 'diagram');
  await c.submit('panel table');
  await c.submit('exit lesson');
  t.is(c.view.panelView, 'table', 'leaving a lesson keeps the view the trainee chose');
});
