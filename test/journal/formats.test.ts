import test from 'ava';
import { CastError, castV2Problems, parseCast } from '../../src/journal/cast-format.ts';
import { parseJournal, sealHeader } from '../../src/journal/journal-chain.ts';
import { JournalError } from '../../src/journal/journal-format.ts';
import { ChannelParser, encodeMessage, type ChannelMessage } from '../../src/record/record-channel.ts';
import { sessionFiles } from '../../src/journal/session-files.ts';
import { canonicalJson } from '../../src/journal/world-digest.ts';

test('asciicast v3: relative times become absolute, comments and unknown codes are skipped', (t) => {
  const text = [
    JSON.stringify({ version: 3, term: { cols: 80, rows: 24, type: 'xterm' }, timestamp: 1 }),
    '# a comment',
    JSON.stringify([0.5, 'o', 'a']),
    JSON.stringify([0.25, 'x', 'exit 0']),
    JSON.stringify([1.0, 'm', 'mark']),
    JSON.stringify([0.0, 'o', 'b']),
  ].join('\n');
  const cast = parseCast(text);
  t.is(cast.header.version, 3);
  t.deepEqual([cast.header.width, cast.header.height], [80, 24]);
  t.deepEqual(cast.events.map((e) => [e.time, e.code, e.data]), [[0.5, 'o', 'a'], [1.75, 'm', 'mark'], [1.75, 'o', 'b']]);
});

test('asciicast v2 from asciinema plays; bad files are refused with a sentence', (t) => {
  const v2 = `${JSON.stringify({ version: 2, width: 100, height: 30, idle_time_limit: 1.5 })}\n[0.1, "o", "x"]\n[0.2, "i", "y"]\n`;
  const cast = parseCast(v2);
  t.is(cast.header.idleTimeLimit, 1.5);
  t.is(cast.events.length, 2);
  t.throws(() => parseCast(''), { instanceOf: CastError });
  t.throws(() => parseCast('{"version": 1}'), { message: /version 1/ });
  t.throws(() => parseCast('{"version": 2, "width": 0, "height": 3}'), { message: /width/ });
  t.throws(() => parseCast(`${JSON.stringify({ version: 2, width: 1, height: 1 })}\n[1, "o"]`), { message: /Line 2/ });
});

test('castV2Problems finds what asciicast v2 forbids', (t) => {
  const header = JSON.stringify({ version: 2, width: 80, height: 24, timestamp: 1, env: { TERM: 'x', SHELL: 'y' } });
  t.deepEqual(castV2Problems(`${header}\n[0, "o", "a"]\n[0, "m", "b"]\n`), []);
  t.regex(castV2Problems(`${header}\n[1, "o", "a"]\n[0.5, "o", "b"]\n`).join(), /before/);
  t.regex(castV2Problems(`${header}\n[1, "o", "a", 3]\n`).join(), /three elements/);
  t.regex(castV2Problems(`${header}\n[1, "r", "wide"]\n`).join(), /COLSxROWS/);
  t.regex(castV2Problems(JSON.stringify({ version: 2, width: 80, height: 24 })).join(), /timestamp/);
});

test('the record channel: markers and input permission come out in order, even split across chunks', (t) => {
  const stream = `before${encodeMessage({ kind: 'marker', label: 'step 1: sigkey-add ✓' })}middle${encodeMessage({ kind: 'input', allowed: true })}after`;
  for (const size of [1, 3, 7, stream.length]) {
    const p = new ChannelParser();
    const out: string[] = [];
    const messages: ChannelMessage[] = [];
    for (let i = 0; i < stream.length; i += size) p.push(stream.slice(i, i + size), (s) => out.push(s), (m) => {
      out.push('|');
      messages.push(m);
    });
    p.flush((s) => out.push(s));
    t.is(out.join(''), 'before|middle|after', `chunks of ${size}`);
    t.deepEqual(messages, [{ kind: 'marker', label: 'step 1: sigkey-add ✓' }, { kind: 'input', allowed: true }]);
  }
});

test('journals: the header is required and checked; entries of unknown types are refused', (t) => {
  t.throws(() => parseJournal('{"type":"command"}'), { instanceOf: JournalError, message: /not a tkesim journal/ });
  const view = { world: { units: [] }, selection: { units: [], signatureKeyNames: [] }, workstation: { signatureKeys: [], keyParts: [] } };
  const header = { type: 'header', format: 'tkesim-journal', version: 2, start: { kind: 'provision', options: {}, view }, hash: '' };
  const { hash } = sealHeader(header as unknown as Parameters<typeof sealHeader>[0]);
  t.is(parseJournal(JSON.stringify({ ...header, hash })).entries.length, 0);
  t.throws(() => parseJournal(`${JSON.stringify({ ...header, version: 9 })}`), { message: /version 9/ });
  t.throws(() => parseJournal(`${JSON.stringify(header)}\n{"type":"oops"}`), { message: /unknown entry type/ });
  t.throws(() => parseJournal(`${JSON.stringify(header)}\n{"type":"command","line":"x"}`), { message: /Line 2/ });
});

test('session names go under sessions/, paths are kept, extensions are dropped', (t) => {
  t.is(sessionFiles('demo1', '/w').cast, '/w/sessions/demo1.cast');
  t.is(sessionFiles('demo1.journal.jsonl', '/w').journal, '/w/sessions/demo1.journal.jsonl');
  t.is(sessionFiles('out/x.cast', '/w').journal, '/w/out/x.journal.jsonl');
  t.is(sessionFiles('/tmp/y', '/w').cast, '/tmp/y.cast');
});

test('canonical JSON does not depend on key order', (t) => {
  t.is(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] }), canonicalJson({ a: [{ c: 'x', d: null }], b: 1 }));
  t.is(canonicalJson({ a: undefined, b: 2 }), '{"b":2}');
});
