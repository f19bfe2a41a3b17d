/**
 * Hostile input: 20,000 generated lines (garbage, control characters, lines up to 100,000
 * characters, unicode, near-miss commands) into each of the shell's line handler, the replay reader,
 * and one-shot mode (a few hundred argv variants, and processes fed 500 lines each as answers on
 * standard input). Nothing crashes, and no line takes over 1 s (one-shot: no process hangs).
 * The tests run one at a time, so that one test's work does not count in another's line times.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { parseCast } from '../../src/journal/cast-format.ts';
import { type Journal } from '../../src/journal/journal-format.ts';
import { parseJournal } from '../../src/journal/journal-chain.ts';
import { loadReplay } from '../../src/replay/replay-engine.ts';
import { ShellController } from '../../src/shell/controller.ts';
import { shellEngine } from '../../src/shell/engine-adapter.ts';
import { ROOT, ceremony, ensureBuilt, freshHome, tkesimEnv } from '../store/helpers.ts';
import { describe, pool, run, unclean } from './helpers.ts';
import { hostileLines } from './hostile-lines.ts';

const LINES = 20_000;
const LINE_BUDGET_MS = 1_000;

test.before(() => ensureBuilt());

const now = () => Number(process.hrtime.bigint()) / 1e6;

test.serial('20,000 hostile lines into the shell\'s line handler (open dialogs answered by the next line): no crash, none over 1 s', async (t) => {
  t.timeout(600_000);
  const home = await freshHome(t, 'tkesim-hostile-shell-');
  ceremony(home, 'hostile-shell');
  const controller = new ShellController(shellEngine(tkesimEnv(home)));
  await controller.refresh(null);
  let changed = () => undefined as void;
  controller.subscribe(() => changed());
  const lines = hostileLines('shell', LINES);
  let running: Promise<unknown> | null = null;
  let slowest = { ms: 0, line: '' };
  let crashes = 0;
  for (const line of lines) {
    if (['exit', 'quit', 'clear'].includes(line.trim())) continue;
    const started = now();
    const logBefore = controller.view.log.length;
    if (!controller.view.question && !running) {
      const p = controller.submit(line);
      running = p;
      void p.then(() => { if (running === p) running = null; });
    } else {
      void controller.submit(line); // answers the open question
    }
    // Wait until the command has ended or asks its next question.
    while (running && !controller.view.question) {
      await Promise.race([running, new Promise<void>((r) => { changed = r; })]);
      if (now() - started > 10_000) break;
    }
    const ms = now() - started;
    if (ms > slowest.ms) slowest = { ms, line };
    if (controller.view.log.slice(logBefore).some((item) => /Internal error/.test(item.text))) crashes++;
  }
  t.false(controller.view.exited, 'no hostile line ended the shell');
  if (controller.view.question) controller.interrupt(false);
  if (running) await running;
  t.log(`slowest line ${slowest.ms.toFixed(1)} ms: ${JSON.stringify(slowest.line.slice(0, 60))} (${slowest.line.length} chars)`);
  t.is(crashes, 0, 'no line ended in an internal error');
  t.true(slowest.ms < LINE_BUDGET_MS, `a line took ${slowest.ms.toFixed(0)} ms`);
});

test.serial('20,000 hostile lines into the replay reader (as cast events, journal entries and whole files), and 300 re-executed from a journal', async (t) => {
  t.timeout(600_000);
  const journalText = readFileSync(join(ROOT, 'sessions', 'key-part-init.journal.jsonl'), 'utf8');
  const journalHeader = journalText.split('\n')[0]!;
  const castHeader = '{"version":2,"width":80,"height":24}';
  const lines = hostileLines('replay', LINES);
  let slowest = 0;
  const foreign: string[] = [];
  for (const line of lines) {
    const started = now();
    for (const text of [`${castHeader}\n${line}`, `${castHeader}\n[1.5, "o", ${JSON.stringify(line)}]\n${line}`, line]) {
      try { parseCast(text); } catch (e) { if ((e as Error).constructor.name !== 'CastError') foreign.push(`${(e as Error).stack}`); }
    }
    for (const text of [`${journalHeader}\n${line}`, line]) {
      try { parseJournal(text); } catch (e) { if ((e as Error).constructor.name !== 'JournalError') foreign.push(`${(e as Error).stack}`); }
    }
    slowest = Math.max(slowest, now() - started);
  }
  t.deepEqual(foreign.slice(0, 2), [], 'the readers fail only with their own errors');
  t.true(slowest < LINE_BUDGET_MS, `a line took ${slowest.toFixed(0)} ms to read`);

  // A journal whose commands are hostile lines (with hostile answers): the replay engine re-executes them.
  const header = parseJournal(journalHeader).header;
  const entries = hostileLines('replay-commands', 300).map((line, i) => ({
    type: 'command' as const, step: i + 1, line, t: i, end: i, outcome: { status: 'failed' as const }, digest: '0'.repeat(64),
    answers: [{ kind: 'text' as const, prompt: 'x', value: line.slice(0, 100), t: i }, { kind: 'secret' as const, prompt: 'pw', label: 'password' as const, slot: 1, t: i }],
  }));
  const journal = { header, entries } as unknown as Journal;
  const env: NodeJS.ProcessEnv = { ...process.env, TKESIM_SCRYPT_N: '1024', TKESIM_HOME: mkdtempSync(join(tmpdir(), 'tkesim-hostile-replay-')) };
  delete env.CLOUDTKEFILES;
  let last = now();
  let slowestStep = 0; // the first interval includes setting up the replay's world
  const replay = await loadReplay(journal, {
    env,
    onProgress: () => {
      slowestStep = Math.max(slowestStep, now() - last);
      last = now();
    },
  });
  try {
    t.is(replay.frames.length, entries.length + 1, 'every hostile command was re-executed');
    t.log(`slowest re-executed step ${slowestStep.toFixed(1)} ms; ${replay.diverged.length} steps differ from the (made-up) digests`);
    t.true(slowestStep < LINE_BUDGET_MS);
  } finally {
    replay.dispose();
  }
});

test.serial('one-shot: 300 argv variants and 40 processes answering prompts with 500 hostile lines each: exit 0/1/2, never a crash or a hang', async (t) => {
  t.timeout(600_000);
  const home = await freshHome(t, 'tkesim-hostile-oneshot-');
  ceremony(home, 'hostile-oneshot');
  // argv cannot hold NUL, and one argument is at most 128 kB on Linux.
  const argvs = hostileLines('argv', 300).map((l) => l.replace(/\0/g, '').slice(0, 20_000).split(' ').filter((w) => w !== ''))
    .filter((a) => a.length > 0 && !['replay', 'demo', 'record', 'learn', '--record'].includes(a[0]!));
  const stdin = hostileLines('stdin', 40 * 500);
  const prompting = [['sigkey-add'], ['mk-add', '--value'], ['mk-add', '--random'], ['cryptounit-add'], ['sigkey-sel'], ['cryptounit-mk-load'], ['cryptounit-admin-add'], ['cryptounit-thrhld-set'], ['sim', 'init'], ['cryptounit-mk-setimm']];
  const jobs = [
    ...argvs.map((args) => ({ args, input: '' })),
    ...Array.from({ length: 40 }, (_, i) => ({ args: prompting[i % prompting.length]!, input: `${stdin.slice(i * 500, (i + 1) * 500).join('\n')}\n` })),
  ];
  const outcomes = await pool(jobs.length, 4, (i) => run(home, jobs[i]!.args, { input: jobs[i]!.input, timeoutMs: 20_000 }));
  const bad = outcomes.flatMap((o, i) => {
    const why = o.code === 2 ? (/internal error|\n\s+at /.test(o.stdout + o.stderr) ? 'a stack trace' : null) : unclean(o);
    return why ? [`${JSON.stringify(jobs[i]!.args).slice(0, 120)}: ${why}: ${describe(o)}`] : [];
  });
  t.deepEqual(bad.slice(0, 3), [], `${bad.length} runs ended unclearly`);
  const slowest = Math.max(...outcomes.map((o) => o.ms));
  t.log(`${jobs.length} processes; slowest ${slowest} ms (startup included, on a loaded machine)`);
  t.true(slowest < 10_000, 'no process hung');
  const status = await run(home, ['sim', 'status']);
  t.is(status.code, 0, describe(status));
});
