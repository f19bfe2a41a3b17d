/**
 * Hostile files: truncated, bit-flipped and wrong-version signature key files, key part files, store
 * documents, journals and casts. Through the binary, one command per case: exit 1 with FAILED (or the
 * replay's message) naming the file, and no file under the home changed (bytes and mtime). In
 * process, every single-bit flip of each kind of file: the reader accepts it, or refuses it with its
 * own error naming the file; never another exception, and never quoting the file's content.
 */
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { parseDocument, StoreError } from '../../src/store/codec.ts';
import { CastError, parseCast } from '../../src/journal/cast-format.ts';
import { parseJournal } from '../../src/journal/journal-chain.ts';
import { JournalError } from '../../src/journal/journal-format.ts';
import { listKeyParts, listSignatureKeys, openKeyPart, openSignatureKey, WorkstationError } from '../../src/workstation/index.ts';
import { ROOT, ceremony, ensureBuilt, freshHome } from '../store/helpers.ts';
import { describe, run } from './helpers.ts';

let template = '';
const JOURNAL = join(ROOT, 'sessions', 'key-part-init.journal.jsonl');
const CAST = join(ROOT, 'sessions', 'key-part-init.cast');

test.before(async () => {
  await ensureBuilt();
  template = await mkdtemp(join(tmpdir(), 'tkesim-hostile-template-'));
  ceremony(template, 'hostile');
});
test.after.always(() => rm(template, { recursive: true, force: true }));

/** Every file under `dir`: path -> bytes (hex) and mtime. Equal maps: nothing was written. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(p, `${readFileSync(p).toString('hex')} ${statSync(p).mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

type Damage = 'truncated' | 'bit-flipped' | 'wrong version';
const DAMAGES: readonly Damage[] = ['truncated', 'bit-flipped', 'wrong version'];

/** Flips one bit of the first occurrence of `word` (so the file stays text but no longer reads). */
function flipIn(text: string, word: string): string {
  const at = text.indexOf(word);
  if (at < 0) throw new Error(`no ${word} in the file`);
  const bytes = Buffer.from(text);
  const i = at + Math.floor(word.length / 2);
  bytes[i] = bytes[i]! ^ 0x01;
  return bytes.toString('latin1');
}

function damage(text: string, how: Damage, flipWord: string, version: [RegExp, string]): string {
  switch (how) {
    case 'truncated': return text.slice(0, Math.floor(text.length / 2));
    case 'bit-flipped': return flipIn(text, flipWord);
    case 'wrong version': {
      const out = text.replace(version[0], version[1]);
      if (out === text) throw new Error('no version field to change');
      return out;
    }
  }
}

interface FileCase {
  readonly kind: string;
  /** The file to damage, relative to the home. */
  readonly file: string;
  readonly flipWord: string;
  readonly version: [RegExp, string];
  readonly args: readonly string[];
  readonly input: string;
}

const CASES: readonly FileCase[] = [
  { kind: 'signature key', file: 'tkefiles/1.sigkey', flipWord: 'tkesim-signature-key', version: [/"version": 1/, '"version": 2'], args: ['cryptounit-mk-clrnew'], input: 'pw1\n' },
  { kind: 'signature key (listing)', file: 'tkefiles/1.sigkey', flipWord: 'publicKey', version: [/"version": 1/, '"version": 99'], args: ['sigkeys'], input: '' },
  { kind: 'key part', file: 'tkefiles/2.mkpart', flipWord: 'tkesim-key-part', version: [/"version": 1/, '"version": 2'], args: ['cryptounit-mk-load', '1', '2'], input: 'pw1\nk1\nk2\n' },
  { kind: 'key part (listing)', file: 'tkefiles/1.mkpart', flipWord: '"vp"', version: [/"version": 1/, '"version": 2'], args: ['mks'], input: '' },
  { kind: 'store document', file: 'world.json', flipWord: '"units"', version: [/"schema":1/, '"schema":2'], args: ['sim', 'keys', 'create', '1'], input: '' },
  { kind: 'store document (view)', file: 'world.json', flipWord: '"currentRegister"', version: [/"schema":1/, '"schema":7'], args: ['cryptounits'], input: '' },
];

async function copyOfTemplate(t: ExecutionContext): Promise<string> {
  const home = await freshHome(t, 'tkesim-hostile-');
  cpSync(template, home, { recursive: true, preserveTimestamps: true });
  return home;
}

for (const c of CASES) {
  for (const how of DAMAGES) {
    test(`a ${how} ${c.kind} file: tkesim ${c.args.join(' ')} fails naming the file and writes nothing`, async (t) => {
      const home = await copyOfTemplate(t);
      const file = join(home, c.file);
      writeFileSync(file, damage(readFileSync(file, 'latin1'), how, c.flipWord, c.version), 'latin1');
      const before = tree(home);
      const r = await run(home, c.args, { input: c.input });
      t.is(r.code, 1, describe(r));
      t.regex(r.stdout, /^FAILED$/m, describe(r));
      t.true(r.stdout.includes(file), `the message names ${file}:\n${r.stdout}`);
      t.false(/internal error|\n\s+at /.test(r.stdout + r.stderr), describe(r));
      t.deepEqual(tree(home), before, 'no file under the home was written');
    });
  }
}

// ---- journals and casts, through `tkesim replay` ----

const SESSION_CASES = [
  { kind: 'journal', source: JOURNAL, name: 'hostile.journal.jsonl', flipWord: '"type":"command"', version: [/"version":2/, '"version":9'] as [RegExp, string] },
  { kind: 'cast', source: CAST, name: 'hostile.cast', flipWord: '"version"', version: [/"version": ?2/, '"version":9'] as [RegExp, string] },
];

for (const c of SESSION_CASES) {
  for (const how of DAMAGES) {
    test(`a ${how} ${c.kind}: tkesim replay fails naming the file and writes nothing`, async (t) => {
      const home = await freshHome(t, 'tkesim-hostile-replay-');
      const file = join(home, c.name);
      writeFileSync(file, damage(readFileSync(c.source, 'utf8'), how, c.flipWord, c.version));
      const before = tree(home);
      const r = await run(home, ['replay', file]);
      t.false(/internal error|\n\s+at /.test(r.stdout + r.stderr), describe(r));
      t.deepEqual(tree(home), before, 'nothing was written beside the recording');
      if (c.kind === 'journal' && how === 'truncated') {
        // A recording killed mid-write: the cut line is reported and everything before it plays.
        t.is(r.code, 0, describe(r));
        t.regex(r.stdout, /TRUNCATED: the last line was cut off/);
        return;
      }
      t.is(r.code, 1, describe(r));
      t.true((r.stdout + r.stderr).includes(file), `the message names ${file}:\n${r.stderr}`);
    });
  }
}

// ---- every single-bit flip, in process ----

/** Yields the text with one bit flipped at each byte position (bit chosen by position). */
function* flips(text: string): Generator<{ at: number; text: string }> {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; at++) {
    const copy = Buffer.from(bytes);
    copy[at] = copy[at]! ^ (1 << (at % 7));
    yield { at, text: copy.toString('latin1') };
  }
}

/** Quoting the file: any run of 8 hex digits (the files hold keys and ciphertexts as hex). */
const quotesContent = (message: string, file: string) => /[0-9a-f]{8}/i.test(message.split(file).join(''));

async function flipEveryBit(t: ExecutionContext, kind: 'sigkey' | 'mkpart'): Promise<void> {
  const home = await copyOfTemplate(t);
  const dir = join(home, 'tkefiles');
  const file = join(dir, `1.${kind}`);
  const original = readFileSync(file, 'utf8');
  const password = kind === 'sigkey' ? 'pw1' : 'k1';
  const counts = { accepted: 0, wrongPassword: 0, refused: 0 };
  for (const { at, text } of flips(original)) {
    writeFileSync(file, text, 'latin1');
    try {
      const opened = kind === 'sigkey'
        ? await openSignatureKey((await listSignatureKeys(dir))[0]!, password)
        : await openKeyPart((await listKeyParts(dir))[0]!, password);
      if (opened === null) counts.wrongPassword++;
      else counts.accepted++;
    } catch (e) {
      counts.refused++;
      if (!(e instanceof WorkstationError)) {
        t.fail(`flip at byte ${at}: ${(e as Error).stack}`);
        return;
      }
      if (!e.message.includes(file) || quotesContent(e.message, file)) {
        t.fail(`flip at byte ${at}: the message does not name the file, or quotes it: ${e.message}`);
        return;
      }
    }
  }
  t.log(counts);
  t.true(counts.refused > original.length / 2, 'most flips are refused as a damaged file');
  t.true(counts.wrongPassword > 0, 'flips in the ciphertext fail authentication');
}

test('every single-bit flip of a signature key file: accepted, a failed authentication, or a WorkstationError naming the file', (t) => flipEveryBit(t, 'sigkey'));
test('every single-bit flip of a key part file: accepted, a failed authentication, or a WorkstationError naming the file', (t) => flipEveryBit(t, 'mkpart'));

test('every single-bit flip of a store document: accepted, or a StoreError naming the file that quotes none of it', (t) => {
  const file = join(template, 'world.json');
  const original = readFileSync(file, 'utf8');
  let refused = 0;
  for (const { at, text } of flips(original)) {
    try {
      parseDocument(text, file);
    } catch (e) {
      refused++;
      if (!(e instanceof StoreError) || e.file !== file || !e.message.includes(file) || quotesContent(e.message, file)) {
        t.fail(`flip at byte ${at}: ${(e as Error).message}`);
        return;
      }
    }
  }
  t.log(`${refused} of ${original.length} flips refused`);
  t.true(refused > original.length / 2);
});

/** The cast's header and as many whole event lines as fit in 16 kB (its events are large frames). */
function castHead(): string {
  const lines = readFileSync(CAST, 'utf8').split('\n');
  let text = lines[0] ?? '';
  for (const line of lines.slice(1)) {
    if (text.length + line.length > 16_000) break;
    text += `\n${line}`;
  }
  return text;
}

test('every single-bit flip of a journal, and of the start of a cast: a value or the reader\'s own error', (t) => {
  const cast = castHead();
  for (const [name, text, parse, ErrorType] of [
    ['journal', readFileSync(JOURNAL, 'utf8'), parseJournal, JournalError],
    ['cast', cast, parseCast, CastError],
  ] as const) {
    let refused = 0;
    for (const { at, text: flipped } of flips(text)) {
      try {
        parse(flipped);
      } catch (e) {
        refused++;
        if (!(e instanceof ErrorType)) {
          t.fail(`${name}, flip at byte ${at}: ${(e as Error).stack}`);
          return;
        }
      }
    }
    t.log(`${name}: ${refused} of ${Buffer.byteLength(text)} flips refused`);
    t.true(refused > 0);
  }
});
