import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { castV2Problems, parseCast } from '../../src/journal/cast-format.ts';
import { parseDemoScript } from '../../src/demo/demo-script.ts';
import { type JournalCommand } from '../../src/journal/journal-format.ts';
import { parseJournal } from '../../src/journal/journal-chain.ts';
import { loadTraining } from '../../src/replay/replay-files.ts';
import { loadReplay } from '../../src/replay/replay-engine.ts';
import { ASCIINEMA_REQUIRED, asciinemaAvailable, asciinemaCat } from '../helpers/asciinema.ts';
import { ROOT } from '../helpers/cli.ts';

process.env.TKESIM_SCRYPT_N = '1024';

const SESSIONS = join(ROOT, 'sessions');
const journals = readdirSync(SESSIONS).filter((f) => f.endsWith('.journal.jsonl')).sort();

test('the shipped sessions: at least the key-part initialization and a rotation, each with its demo script', (t) => {
  for (const name of ['key-part-init', 'rotation']) {
    t.true(journals.includes(`${name}.journal.jsonl`), name);
    const journal = parseJournal(readFileSync(join(SESSIONS, `${name}.journal.jsonl`), 'utf8'));
    t.is(journal.header.demo, `demos/${name}.demo`);
    t.notThrows(() => parseDemoScript(readFileSync(join(SESSIONS, 'demos', `${name}.demo`), 'utf8')));
  }
});

for (const file of journals) {
  test(`golden replay: ${file} reproduces its recorded digests step by step`, async (t) => {
    const path = join(SESSIONS, file);
    const journal = parseJournal(readFileSync(path, 'utf8'));
    const commands = journal.entries.filter((e): e is JournalCommand => e.type === 'command');
    t.true(commands.length > 5);
    const replay = await loadReplay(journal, { env: { ...process.env, TKESIM_SEED: undefined }, training: loadTraining(path, journal.header.demo) });
    try {
      const replayed = replay.frames.filter((f) => f.kind === 'command');
      t.is(replayed.length, commands.length);
      for (const [i, c] of commands.entries()) {
        t.is(replayed[i]?.digest, c.digest, `step ${c.step} (${c.line}) differs: ${replayed[i]?.problems.join('; ')}`);
        t.deepEqual(replayed[i]?.problems, [], `step ${c.step}`);
      }
      t.true(commands.every((c) => c.outcome.status === 'ok'), 'the shipped ceremonies succeed at every step');
      const last = replayed[replayed.length - 1]?.state.world;
      t.true(last?.units.filter((u) => u.type === 'OPERATIONAL').every((u) => u.currentRegister.state === 'Valid' && u.signatureThreshold === 2));
    } finally {
      replay.dispose();
    }
  });

  const cast = file.replace(/\.journal\.jsonl$/, '.cast');
  test(`${cast} is valid asciicast v2 with a marker per command`, (t) => {
    const text = readFileSync(join(SESSIONS, cast), 'utf8');
    t.deepEqual(castV2Problems(text), []);
    const markers = parseCast(text).events.filter((e) => e.code === 'm').map((e) => e.data);
    const journal = parseJournal(readFileSync(join(SESSIONS, file), 'utf8'));
    for (const c of journal.entries) if (c.type === 'command' && c.line !== '') t.true(markers.some((m) => m.startsWith(`step ${c.step}: `)), `no marker for step ${c.step}`);
    t.false(/"i",/.test(text), 'no input events in the shipped casts');
  });

  test(`asciinema cat accepts ${cast}`, (t) => {
    if (!asciinemaAvailable()) {
      if (ASCIINEMA_REQUIRED) t.fail('asciinema is not installed (.ci/run installs it)');
      else t.pass('asciinema is not installed here: skipped');
      return;
    }
    const r = asciinemaCat(join(SESSIONS, cast));
    t.is(r.status, 0, r.out.slice(-500));
    t.regex(r.out, /configured the same/);
  });
}

test('the shipped files hold no training value', (t) => {
  for (const demo of readdirSync(join(SESSIONS, 'demos'))) {
    const script = parseDemoScript(readFileSync(join(SESSIONS, 'demos', demo), 'utf8'));
    for (const f of readdirSync(SESSIONS).filter((x) => x.endsWith('.cast') || x.endsWith('.jsonl'))) {
      const text = readFileSync(join(SESSIONS, f), 'utf8');
      for (const [name, value] of script.training) t.false(text.includes(value), `${name} is in ${f}`);
    }
  }
});
