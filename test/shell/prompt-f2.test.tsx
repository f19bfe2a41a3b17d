/** F2 through Ink's own input handling: the prompt hook calls onTogglePanel, and the line is untouched. */
import test from 'ava';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { useState } from 'react';
import type { CompletionContext } from '../../src/shell/completion.ts';
import { usePrompt } from '../../src/shell/use-prompt.ts';
import { frameWhere } from './frames.ts';

const context: CompletionContext = { commands: [], flags: {}, keynums: () => [], partKeynums: () => [], unitNumbers: () => [] };

function Probe() {
  const [toggles, setToggles] = useState(0);
  const { state } = usePrompt({ context, onSubmit: () => undefined, onInterrupt: () => undefined, onEof: () => undefined, onTogglePanel: () => setToggles((n) => n + 1) });
  return <Text>{`toggles ${toggles} line [${state.buffer}]`}</Text>;
}

test('F2 (ESC O Q and ESC [ 1 2 ~) toggles the panel and types nothing; F1 and F3 do neither', async (t) => {
  const { stdin, lastFrame, unmount } = render(<Probe />);
  await frameWhere(lastFrame, (f) => f.includes('toggles 0'));
  stdin.write('ab');
  await frameWhere(lastFrame, (f) => f.includes('line [ab]'));
  stdin.write('\u001bOQ');
  await frameWhere(lastFrame, (f) => f.includes('toggles 1 line [ab]'));
  stdin.write('\u001b[12~');
  await frameWhere(lastFrame, (f) => f.includes('toggles 2 line [ab]'));
  stdin.write('\u001bOP');
  stdin.write('\u001bOR');
  stdin.write('c');
  const frame = await frameWhere(lastFrame, (f) => f.includes('line [abc]'));
  t.true(frame.includes('toggles 2 line [abc]'), frame);
  unmount();
});
