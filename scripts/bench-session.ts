/**
 * The budgets of issue 5 on their own (the main bench can import the same functions from
 * scripts/bench/session.ts): seek in a 500-command journal, and recording's cost to typing.
 * Run: npm run -s build && node --import tsx scripts/bench-session.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLongJournal, measureRecordingLatency, measureSeek } from './bench/session.ts';

const SEEK_BAR_MS = 100;
const LATENCY_BAR = 1.1;

const dir = mkdtempSync(join(tmpdir(), 'tkesim-bench-session-'));
try {
  const journal = join(dir, 'long.journal.jsonl');
  const made = process.hrtime.bigint();
  await makeLongJournal(journal, 500);
  process.stderr.write(`recorded a 500-command journal in ${(Number(process.hrtime.bigint() - made) / 1e9).toFixed(1)} s\n`);
  const seek = await measureSeek(journal);
  console.log(`seek: ${seek.steps} steps; max ${seek.maxMs.toFixed(2)} ms, p95 ${seek.p95Ms.toFixed(2)} ms, median ${seek.medianMs.toFixed(2)} ms per step, worst single seek ${seek.worstSingleMs.toFixed(1)} ms (load once: ${seek.loadSeconds.toFixed(1)} s; ${seek.diverged} step(s) diverged) — bar ${SEEK_BAR_MS} ms: ${seek.maxMs <= SEEK_BAR_MS && seek.diverged === 0 ? 'PASS' : 'FAIL'}`);
  const typing = await measureRecordingLatency();
  console.log(`keystroke-to-frame: ${typing.recordingMs.toFixed(1)} ms recording vs ${typing.plainMs.toFixed(1)} ms plain (median of ${typing.keys} keys each): ×${typing.ratio.toFixed(3)} — bar ×${LATENCY_BAR}: ${typing.ratio <= LATENCY_BAR ? 'PASS' : 'FAIL'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
