/** The ceremony record: written on abort with where and why it stopped; its hash is the SHA-256 of the Markdown as written. */
import test from 'ava';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { playSteps } from '../../src/ceremony/dry-run.ts';
import { pgpWords, wordLines } from '../../src/ceremony/pgp-words.ts';
import { writeRecord } from '../../src/ceremony/record-files.ts';
import { buildRecord } from '../../src/ceremony/record-model.ts';
import { preparedSession, shippedScript } from './helpers.ts';

test('aborting mid-ceremony writes a record that says where and why it stopped; its hash is in hex and PGP words', async (t) => {
  const script = shippedScript('key-part-init');
  const { session, transcript, home } = await preparedSession(script);
  await playSteps(session, transcript, 7);
  t.is(session.currentStep?.number, 8, transcript.join('\n'));
  session.abort('the custodian of part 1 is absent');
  const end = session.ended;
  if (end?.kind !== 'aborted') return t.fail('the ceremony did not end aborted');
  t.like(end, { step: 8, reason: 'the custodian of part 1 is absent', by: 'Olivia' });
  const base = join(home, 'records', 'kpi-aborted');
  const written = writeRecord(buildRecord(session, end, { file: 'key-part-init.yaml', sha256: 'a'.repeat(64) }, { journal: 'kpi-aborted.journal.jsonl', cast: 'kpi-aborted.cast' }), base);
  const md = readFileSync(`${base}.md`, 'utf8');
  t.regex(md, /\| Outcome \| ABORTED at step 8 at \d\d:\d\d:\d\dZ by Olivia: the custodian of part 1 is absent\. 7 of 14 steps were done\. \|/);
  t.regex(md, /### Step 8: Dave creates key part 1\n\n- Actor: Dave\n.*\n- Started: \d\d:\d\d:\d\dZ; outcome: STOPPED HERE: the ceremony was aborted \(the custodian of part 1 is absent\)/);
  t.regex(md, /### Step 9: Erin creates key part 2\n(.*\n){3}- Started: -; outcome: not reached/);
  t.regex(md, /### Step 7: Leave imprint mode with thresholds 2\/2\n(.*\n)+?\| \d\d:\d\d:\d\dZ \| Olivia \| `cryptounit-thrhld-set 2 2` \| Alice, Bob \| OK \|/);
  t.regex(md, /\| 1 \| OPERATIONAL \| secured \| Alice, Bob, Carol \| 2\/2 \| Empty 0{64} \| Empty 0{64} \| 0\/0 \|/);
  t.regex(md, /\| Olivia \| ceremony administrator \|  \|  \|/);
  t.regex(md, /\| Recording \| kpi-aborted\.journal\.jsonl, kpi-aborted\.cast \|/);
  for (const p of script.participants) if (p.trainingPassword) t.false(md.includes(p.trainingPassword));
  // The hash: the SHA-256 of the Markdown file exactly as written, in hex and in PGP words.
  const digest = createHash('sha256').update(readFileSync(`${base}.md`)).digest();
  t.is(written.hex, digest.toString('hex'));
  t.deepEqual(written.words, pgpWords(digest));
  const sha = readFileSync(`${base}.sha256`, 'utf8').split('\n');
  t.is(sha[0], `${digest.toString('hex')}  kpi-aborted.md`);
  t.deepEqual(sha.slice(1, 5), wordLines(pgpWords(digest)).map((l) => `# ${l}`));
  // One HTML page with the same story, and nothing fetched from anywhere.
  const html = readFileSync(`${base}.html`, 'utf8');
  t.regex(html, /ABORTED at step 8 at \d\d:\d\d:\d\dZ by Olivia: the custodian of part 1 is absent/);
  t.notRegex(html, /<script|<link|src=|https?:\/\//i);
});

test('the read-backs in the record keep both forms: hex and the PGP words of the same bytes', async (t) => {
  const { session, transcript, home } = await preparedSession(shippedScript('key-part-init'));
  await playSteps(session, transcript, 11);
  session.abort('rehearsal over');
  const end = session.ended;
  if (!end) return t.fail('not ended');
  const base = join(home, 'kpi');
  writeRecord(buildRecord(session, end, { file: 'x', sha256: 'b'.repeat(64) }, { journal: null, cast: null }), base);
  const md = readFileSync(`${base}.md`, 'utf8');
  const vp = session.progress[10]?.readBacks[0]?.vp ?? '';
  t.regex(vp, /^[0-9a-f]{56}0{8}$/);
  const grouped = (vp.match(/.{8}/g) ?? []).join(' ');
  const words = wordLines(pgpWords(Buffer.from(vp, 'hex')));
  t.true(md.includes(`Read-back of the NEW REGISTER of units 1 and 2: confirmed by Walter at `));
  t.true(md.includes(`    hex:   ${grouped}\n    words: ${words[0]}\n           ${words[1]}\n           ${words[2]}\n           ${words[3]}\n`), md);
  t.true((words[3] ?? '').endsWith('aardvark adroitness aardvark adroitness'));
});
