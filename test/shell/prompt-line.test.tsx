import test from 'ava';
import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import { useState } from 'react';
import type { CompletionContext } from '../../src/shell/completion.ts';
import { maskedEcho, PromptLine, type MaskEcho } from '../../src/shell/prompt-line.tsx';
import { usePrompt } from '../../src/shell/use-prompt.ts';
import { frameWhere } from './frames.ts';

const ctx: CompletionContext = {
  commands: ['cryptounits', 'cryptounit-add', 'sigkeys'],
  flags: {},
  keynums: () => [],
  partKeynums: () => [],
  unitNumbers: () => [1, 2],
};

const KEYS = { enter: '\r', tab: '\t', up: '\u001b[A', left: '\u001b[D', backspace: '\u007f', ctrlW: '\u0017', ctrlR: '\u0012', ctrlC: '\u0003', ctrlD: '\u0004', esc: '\u001b' };

interface Events {
  submitted: { line: string; masked: boolean }[];
  interrupts: boolean[];
  eofs: number;
}

function Harness({ events, masked = false, echo, history = [] }: { events: Events; masked?: boolean; echo?: MaskEcho; history?: string[] }) {
  const [runs, setRuns] = useState(0);
  const { state, dispatch } = usePrompt({
    context: ctx,
    history,
    onSubmit: (line, m) => {
      events.submitted.push({ line, masked: m });
      setRuns((n) => n + 1);
    },
    onInterrupt: (hadText) => events.interrupts.push(hadText),
    onEof: () => (events.eofs += 1),
  });
  if (masked !== state.masked) dispatch({ type: 'set-masked', masked });
  return (
    <Box flexDirection="column">
      <Text>{`runs ${runs}`}</Text>
      <PromptLine state={state} prompt={masked ? '> ' : 'tkesim> '} echo={echo} />
    </Box>
  );
}

const newEvents = (): Events => ({ submitted: [], interrupts: [], eofs: 0 });

test('typed text shows after the prompt, editing keys apply, Enter submits', async (t) => {
  const events = newEvents();
  const { stdin, lastFrame, unmount } = render(<Harness events={events} />);
  await frameWhere(lastFrame, (f) => f.includes('tkesim>'));
  stdin.write('cryptounit-add 1 2');
  await frameWhere(lastFrame, (f) => f.includes('tkesim> cryptounit-add 1 2'));
  stdin.write(KEYS.ctrlW);
  await frameWhere(lastFrame, (f) => f.includes('tkesim> cryptounit-add 1') && !f.includes('1 2'));
  stdin.write(KEYS.enter);
  await frameWhere(lastFrame, (f) => f.includes('runs 1'));
  t.deepEqual(events.submitted, [{ line: 'cryptounit-add 1 ', masked: false }]);
  t.regex(lastFrame() ?? '', /tkesim>$/);
  unmount();
});

test('up recalls the last command; Ctrl-R finds an older one', async (t) => {
  const events = newEvents();
  const { stdin, lastFrame, unmount } = render(<Harness events={events} history={['cryptounit-add 1 2', 'sigkeys']} />);
  await frameWhere(lastFrame, (f) => f.includes('tkesim>'));
  stdin.write(KEYS.up);
  await frameWhere(lastFrame, (f) => f.includes('tkesim> sigkeys'));
  stdin.write(KEYS.ctrlR);
  await frameWhere(lastFrame, (f) => f.includes("(reverse-i-search)'':"));
  stdin.write('add');
  const found = await frameWhere(lastFrame, (f) => f.includes("(reverse-i-search)'add': cryptounit-add 1 2"));
  t.truthy(found);
  stdin.write(KEYS.enter);
  await frameWhere(lastFrame, (f) => f.includes('tkesim> cryptounit-add 1 2'));
  t.deepEqual(events.submitted, [], 'Enter in a search accepts the match without running it');
  unmount();
});

test('Tab lists several completions under the prompt, then completes a unique one', async (t) => {
  const events = newEvents();
  const { stdin, lastFrame, unmount } = render(<Harness events={events} />);
  await frameWhere(lastFrame, (f) => f.includes('tkesim>'));
  stdin.write('crypto');
  await frameWhere(lastFrame, (f) => f.includes('tkesim> crypto'));
  stdin.write(KEYS.tab);
  const listed = await frameWhere(lastFrame, (f) => f.includes('cryptounits  cryptounit-add'));
  t.regex(listed, /tkesim> cryptounit/);
  stdin.write('-');
  await frameWhere(lastFrame, (f) => f.includes('tkesim> cryptounit-') && !f.includes('cryptounits  '));
  stdin.write(KEYS.tab);
  t.regex(await frameWhere(lastFrame, (f) => f.includes('cryptounit-add')), /tkesim> cryptounit-add$/);
  unmount();
});

test('Ctrl-C clears the line and reports it; Ctrl-D on an empty line is end of input', async (t) => {
  const events = newEvents();
  const { stdin, lastFrame, unmount } = render(<Harness events={events} />);
  await frameWhere(lastFrame, (f) => f.includes('tkesim>'));
  stdin.write('half');
  await frameWhere(lastFrame, (f) => f.includes('tkesim> half'));
  stdin.write(KEYS.ctrlC);
  await frameWhere(lastFrame, (f) => !f.includes('half'));
  stdin.write(KEYS.ctrlC);
  stdin.write(KEYS.ctrlD);
  await frameWhere(() => String(events.eofs), (f) => f === '1');
  t.deepEqual(events.interrupts, [true, false]);
  unmount();
});

for (const echo of ['stars', 'none'] as const) {
  test(`masked entry (${echo}): the secret is never on screen and never in history`, async (t) => {
    const events = newEvents();
    const secret = 'Tr0ub4dor&3';
    const { stdin, lastFrame, frames, rerender, unmount } = render(<Harness events={events} masked echo={echo} />);
    await frameWhere(lastFrame, (f) => f.includes('runs 0\n>'));
    stdin.write(secret);
    const shown = await frameWhere(lastFrame, (f) => (echo === 'stars' ? f.includes('*'.repeat(secret.length)) : f.includes('runs 0')));
    t.is(shown.split('\n').at(-1), `>${echo === 'stars' ? ` ${'*'.repeat(secret.length)}` : ''}`);
    stdin.write(KEYS.up);
    stdin.write(KEYS.enter);
    await frameWhere(lastFrame, (f) => f.includes('runs 1'));
    t.deepEqual(events.submitted, [{ line: secret, masked: true }]);
    // Back at the command prompt: history holds no trace of the secret.
    rerender(<Harness events={events} masked={false} />);
    await frameWhere(lastFrame, (f) => f.includes('tkesim>'));
    stdin.write(KEYS.up);
    stdin.write(KEYS.ctrlR);
    stdin.write('Tr0');
    await frameWhere(lastFrame, (f) => f.includes("reverse-i-search)'Tr0'"));
    for (const frame of frames) t.false(frame.includes('Tr0ub') || frame.includes('4dor'), frame);
    unmount();
  });
}

test('maskedEcho takes only a length', (t) => {
  t.is(maskedEcho(4, 'stars'), '****');
  t.is(maskedEcho(4, 'none'), '');
});

