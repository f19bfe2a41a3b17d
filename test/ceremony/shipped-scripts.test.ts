/** Each shipped ceremony completes from its start state by its own expected commands, with no exception. */
import test from 'ava';
import { join } from 'node:path';
import { dryRun } from '../../src/ceremony/dry-run.ts';
import { vpOf } from '../../src/core/unit.ts';
import { buildRecord } from '../../src/ceremony/record-model.ts';
import { renderMarkdown } from '../../src/ceremony/record-markdown.ts';
import { participant } from '../../src/ceremony/script-model.ts';
import { SHIPPED, shippedScript, tempHome, testEnv } from './helpers.ts';

for (const name of SHIPPED) {
  test(`${name}: the dry run completes every step by the script's own commands`, async (t) => {
    const script = shippedScript(name);
    const home = tempHome();
    const run = await dryRun(script, testEnv(home), join(home, 'world'));
    t.deepEqual(run.session.exceptions, [], run.transcript.join('\n'));
    t.true(run.ok, run.transcript.join('\n'));
    t.is(run.session.ended?.kind, 'completed');
    t.true(run.session.progress.every((p) => p.status === 'done'));
    // Every step's commands were typed by the step's actor, and every expected command ran, in order.
    for (const [i, step] of script.steps.entries()) {
      const p = run.session.progress[i];
      t.deepEqual(p?.commands.map((c) => c.line), step.commands.map((c) => c.line), `step ${step.number}`);
      t.true(p?.commands.every((c) => c.by === step.actor && c.ok), `step ${step.number}`);
      t.true((p?.readBacks.length ?? 0) >= step.readBack.length && (p?.readBacks ?? []).every((b) => b.confirmed && /^[0-9a-f]{64}$/.test(b.vp)), `step ${step.number}`);
    }
    // The record of the dry run holds none of the script's training values.
    const record = renderMarkdown(buildRecord(run.session, run.session.ended ?? { kind: 'completed', at: new Date() }, { file: `${name}.yaml`, sha256: '0'.repeat(64) }, { journal: null, cast: null }));
    for (const p of script.participants) {
      if (p.trainingPassword) t.false(record.includes(p.trainingPassword), `${p.name}'s training password`);
      t.truthy(participant(script, p.name));
    }
    t.regex(record, /Completed at \d\d:\d\d:\d\dZ/);
  });
}

test('key-part-init: the signers of each signed command are recorded, and the read-backs agree with the units', async (t) => {
  const script = shippedScript('key-part-init');
  const home = tempHome();
  const run = await dryRun(script, testEnv(home), join(home, 'world'));
  const step = (n: number) => run.session.progress[n - 1];
  t.deepEqual(step(7)?.commands[0]?.signedBy, ['Alice', 'Bob']);
  t.deepEqual(step(11)?.commands[0]?.signedBy, ['Alice']);
  t.deepEqual(step(12)?.commands[0]?.signedBy, ['Alice', 'Bob']);
  const loaded = step(11)?.readBacks[0];
  const world = run.session.facts?.world;
  t.truthy(loaded && world);
  t.regex(loaded?.label ?? '', /^NEW REGISTER of units 1 and 2$/);
  for (const unit of world?.units ?? []) t.is(vpOf(unit.currentRegister), loaded?.vp ?? 'no read-back');
  t.deepEqual(step(14)?.readBacks[0]?.vp, loaded?.vp);
  t.deepEqual(loaded?.words.slice(-4), ['aardvark', 'adroitness', 'aardvark', 'adroitness']);
});
