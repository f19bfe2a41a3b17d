import test from 'ava';
import { publicView } from '../../src/core/public-view.ts';
import { signerPartBreaches, worldBreaches } from '../../src/journal/hygiene.ts';
import { lessonNoteOf } from '../../src/review/lesson-notes.ts';
import { cell, code } from '../../src/review/document.ts';
import { toMarkdown } from '../../src/review/render-markdown.ts';
import { htmlPage } from '../../src/review/render-html.ts';
import { scriptSafeJson } from '../../src/review/export-page.ts';
import { ceremony, run, workspace } from '../helpers/session.ts';

test('a signer who also holds a key part: a key part named after a signature key\'s owner', (t) => {
  t.deepEqual(signerPartBreaches({ signatureKeys: [{ name: 'Alice' }, { name: 'Bob' }], keyParts: [{ description: 'part Dave' }, { description: "Alice's part" }] }), [
    'a signer also holds a key part: Alice has a signature key and the key part "Alice\'s part"',
  ]);
  t.deepEqual(signerPartBreaches({ signatureKeys: [{ name: 'Al' }], keyParts: [{ description: 'Alice' }] }), [], 'a whole word, not a prefix');
  t.deepEqual(signerPartBreaches({ signatureKeys: [{ name: 'admin.1' }], keyParts: [{ description: 'admin-1' }] }), [], 'the name is text, not a pattern');
});

test.serial('stored keys made unreadable are found on public views too (a journal holds no key)', async (t) => {
  const w = await workspace('hygiene-views');
  await ceremony(w.controller);
  await run(w.controller, 'sim keys create 3');
  const before = await w.controller.baseEngine.world();
  await run(w.controller, 'mk-add --random', ['three', 'Three-pw-3', 'Three-pw-3']);
  await run(w.controller, 'mk-add --random', ['four', 'Four-pw-4', 'Four-pw-4']);
  await run(w.controller, 'cryptounit-mk-load', ['3 4', 'Alice-Secret-pw-7', 'Three-pw-3', 'Four-pw-4']);
  await run(w.controller, 'cryptounit-mk-commit', ['Alice-Secret-pw-7']);
  await run(w.controller, 'cryptounit-mk-setimm', ['y', 'Alice-Secret-pw-7']);
  const after = await w.controller.baseEngine.world();
  const expected = ['stored keys became unreadable on units 1, 2: the master key changed without re-enciphering'];
  t.deepEqual(worldBreaches(before, after, false), expected);
  t.deepEqual(worldBreaches(publicView(before), publicView(after), false), expected);
});

test('lesson notes read from a journal are checked field by field', (t) => {
  t.deepEqual(lessonNoteOf({ event: 'hint', step: 2, tier: 3 }), { event: 'hint', step: 2, tier: 3 });
  t.is(lessonNoteOf({ event: 'hint', step: 2, tier: 4 }), null);
  t.is(lessonNoteOf({ event: 'complete', points: 101, solutionPlayed: false }), null);
  t.is(lessonNoteOf({ event: 'start', id: 'x', number: 1, title: 't', solutionCommands: -1, dualControl: true }), null);
  t.is(lessonNoteOf('start'), null);
  t.deepEqual(lessonNoteOf({ event: 'solution', extra: 1 }), { event: 'solution' });
});

test('Markdown and HTML escape what a trainee typed', (t) => {
  const md = toMarkdown([{ kind: 'table', head: ['Command'], rows: [{ cells: [cell(code('echo `a|b`'))] }, { cells: [cell('*x* | <b>')] }] }]);
  t.regex(md, /\| `` echo `a\\\|b` `` \|/);
  t.regex(md, /\| \\\*x\\\* \\\| \\<b\\> \|/);
  const html = htmlPage('a <title>', [{ kind: 'paragraph', text: cell(code('</script><script>alert(1)</script>')) }]);
  t.notRegex(html, /<script>alert/);
  t.regex(html, /&lt;\/script&gt;/);
  t.notRegex(scriptSafeJson({ text: '</script><!--' }), /<\/script|<!--/);
  t.deepEqual(JSON.parse(scriptSafeJson({ text: '</script><!--' })), { text: '</script><!--' });
});
