import test from 'ava';
import { render } from 'ink-testing-library';
import { buildScriptPanel } from '../../src/ceremony/script-panel-model.ts';
import { ScriptPanelView } from '../../src/ceremony/script-panel.tsx';
import { newProgress } from '../../src/ceremony/step-progress.ts';
import { frameWhere, plain } from '../shell/frames.ts';
import { shippedScript } from './helpers.ts';

const script = shippedScript('key-part-init');
const progress = () => script.steps.map(newProgress);

test('the script panel shows the step, its actor, the instruction, what is expected, the state and an open exception', async (t) => {
  const p = progress();
  for (const [i, x] of p.entries()) x.status = i < 6 ? 'done' : i === 6 ? 'current' : 'pending';
  const model = buildScriptPanel({
    script, progress: p, currentIndex: 6, holder: 'Olivia', ended: null,
    checks: [{ label: 'unit 1 SIG/REV 2/2', ok: true }, { label: 'unit 2 SIG/REV 2/2', ok: false }],
    exceptions: [{ number: 1, step: 7, at: new Date(), actor: 'Bob', kind: 'wrong password', text: 'x', resolution: null }],
  });
  t.is(model.current?.title, 'Step 7: Leave imprint mode with thresholds 2/2');
  t.is(model.current?.who, 'Olivia, ceremony administrator');
  t.is(model.progress, 'step 7 of 14 · exceptions 1 (1 open)');
  const { lastFrame, unmount } = render(<ScriptPanelView model={model} roomy />);
  const frame = plain(await frameWhere(lastFrame, (f) => f.includes('Keyboard:')));
  t.regex(frame, /Step 7: Leave imprint mode with thresholds 2\/2 · Olivia, ceremony administrator/);
  t.regex(frame, /Do: Set the signature threshold and the revocation threshold to 2\./);
  t.regex(frame, /Expected: cryptounit-thrhld-set 2 2/);
  t.regex(frame, /State: 1 of 2 hold · ✘ unit 2 SIG\/REV 2\/2 · ✔ unit 1 SIG\/REV 2\/2/);
  t.regex(frame, /Exception 1 \(wrong password\) is open: Olivia decides: continue, retry or abort REASON\./);
  t.regex(frame, /Keyboard: Olivia {2}✔✔✔✔✔✔▶······· {2}step 7 of 14/);
  unmount();
});

test('a step just done already shows the next one; an ended ceremony says how it ended', (t) => {
  const p = progress();
  for (const [i, x] of p.entries()) x.status = i <= 6 ? 'done' : 'pending';
  const base = { script, progress: p, currentIndex: 6, holder: 'Alice', exceptions: [], checks: [] };
  const next = buildScriptPanel({ ...base, ended: null });
  t.is(next.current?.title, 'Step 8: Dave creates key part 1');
  t.is(next.marks[7]?.status, 'current');
  const aborted = buildScriptPanel({ ...base, ended: { kind: 'aborted', at: new Date(), step: 8, reason: 'Dave is ill', by: 'Olivia' } });
  t.is(aborted.current, null);
  t.deepEqual(aborted.notice, { text: 'The ceremony was aborted at step 8: Dave is ill. Its record is written. Type exit to leave.', tone: 'error' });
});
