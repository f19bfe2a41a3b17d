import test from 'ava';
import { mkdtempSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nextLessonNumber, renderLessonList } from '../../src/lessons/list.ts';
import { NO_PROGRESS, parseProgress, progressFile, readProgress, recordCompletion, recordSolution, recordStart, updateProgress } from '../../src/lessons/progress.ts';

const home = () => mkdtempSync(join(tmpdir(), 'tkesim-progress-'));

test('progress is written to $TKESIM_HOME/lessons/progress.json and read back; the best score is kept', async (t) => {
  const h = home();
  t.deepEqual(await readProgress(h), {}, 'no file: no progress');
  await updateProgress(h, '03-thresholds', recordStart);
  await updateProgress(h, '03-thresholds', (p) => recordCompletion(p, 70));
  await updateProgress(h, '03-thresholds', (p) => recordCompletion(recordStart(p), 55));
  const p = await readProgress(h);
  t.deepEqual(p['03-thresholds'], { attempts: 2, completed: true, best: 70, solutionSeen: false });
  t.is(statSync(progressFile(h)).mode & 0o777, 0o600);
  t.is(JSON.parse(readFileSync(progressFile(h), 'utf8')).format, 'tkesim-lesson-progress');
});

test('a played solution marks the lesson as seen, never as completed or scored', (t) => {
  t.deepEqual(recordSolution(NO_PROGRESS), { attempts: 0, completed: false, best: null, solutionSeen: true });
});

test('concurrent updates of different lessons are all kept', async (t) => {
  const h = home();
  await Promise.all(['01-a', '02-b', '03-c', '04-d', '05-e'].map((id) => updateProgress(h, id, recordStart)));
  t.is(Object.keys(await readProgress(h)).length, 5);
});

test('a damaged file reads as no progress, keeping the entries that are valid', async (t) => {
  t.deepEqual(parseProgress('{not json'), {});
  t.deepEqual(parseProgress('{"format":"other","version":1,"lessons":{}}'), {});
  const text = JSON.stringify({
    format: 'tkesim-lesson-progress', version: 1,
    lessons: { good: { attempts: 1, completed: true, best: 80, solutionSeen: false }, bad: { attempts: -1 }, worse: 'x', '../evil': { attempts: 1, completed: true, best: 1, solutionSeen: false } },
  });
  t.deepEqual(Object.keys(parseProgress(text)), ['good']);
  const h = home();
  mkdirSync(join(h, 'lessons'));
  writeFileSync(progressFile(h), '\u0000garbage');
  t.deepEqual(await readProgress(h), {});
  await updateProgress(h, '01-crypto-units', recordStart);
  t.is((await readProgress(h))['01-crypto-units']?.attempts, 1, 'the next update writes a valid file');
});

test('the lesson list shows status and best score; the next lesson is the first not completed', (t) => {
  const progress = { '01-crypto-units': { attempts: 2, completed: true, best: 91, solutionSeen: false }, '02-administrators': { attempts: 1, completed: false, best: null, solutionSeen: true } };
  const list = renderLessonList(progress, 2);
  t.regex(list, /^tkesim lessons: 1 of 8 completed\./);
  t.regex(list, / 1 +Crypto units, service instances and the selection +completed +91\/100/);
  t.regex(list, />2 +Signature keys and administrators, in imprint mode +solution shown +-/);
  t.regex(list, / 8 +Recovering from mistakes +not started/);
  t.is(nextLessonNumber(progress), 2);
  t.is(nextLessonNumber({}), 1);
});
