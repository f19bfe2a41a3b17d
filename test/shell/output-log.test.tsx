import test from 'ava';
import chalk from 'chalk';
import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import { OutputLog, type OutputItem } from '../../src/shell/output-log.tsx';
import { COLOUR_THEME, PLAIN_THEME, ThemeContext } from '../../src/shell/theme.ts';
import { frameWhere, plain } from './frames.ts';

// Ink colours through the process-wide chalk that ava loaded first; turn colours on for this file.
chalk.level = 1;

const item = (id: number, text: string, tone: OutputItem['tone'] = 'normal'): OutputItem => ({ id: String(id), text, tone });

function Screen({ items, live }: { items: readonly OutputItem[]; live: string }) {
  return (
    <Box flexDirection="column">
      <OutputLog items={items} />
      <Text>{live}</Text>
    </Box>
  );
}

test('items are written above the live region, in order, and stay when more are added', async (t) => {
  const first = [item(1, 'OK'), item(2, 'CRYPTO UNIT NUM   SELECTED')];
  const { lastFrame, rerender, unmount } = render(<Screen items={first} live="tkesim> " />);
  t.is(plain(await frameWhere(lastFrame, (f) => f.includes('tkesim>'))), 'OK\nCRYPTO UNIT NUM   SELECTED\ntkesim>');
  rerender(<Screen items={[...first, item(3, 'FAILED')]} live="tkesim> x" />);
  t.is(plain(await frameWhere(lastFrame, (f) => f.includes('tkesim> x'))), 'OK\nCRYPTO UNIT NUM   SELECTED\nFAILED\ntkesim> x');
  unmount();
});

test('errors in red, muted dim; no colour with the plain theme', async (t) => {
  const items = [item(1, 'FAILED', 'error'), item(2, 'note', 'muted'), item(3, 'OK', 'ok')];
  const coloured = render(<Screen items={items} live="." />);
  const frame = await frameWhere(coloured.lastFrame, (f) => f.includes('FAILED'));
  t.true(frame.includes('\u001b[31mFAILED\u001b[39m'));
  t.true(frame.includes('\u001b[2mnote\u001b[22m'));
  coloured.unmount();
  const bare = render(
    <ThemeContext.Provider value={PLAIN_THEME}>
      <Screen items={items} live="." />
    </ThemeContext.Provider>,
  );
  const plainFrame = await frameWhere(bare.lastFrame, (f) => f.includes('FAILED'));
  t.false(/\u001b\[3[0-9]m/.test(plainFrame));
  bare.unmount();
  t.is(COLOUR_THEME.tone.error.color, 'red');
});

test('a long log: 5,000 items, then one more, each written once', async (t) => {
  const many = Array.from({ length: 5000 }, (_, i) => item(i, `line ${i}`));
  const { lastFrame, rerender, unmount } = render(<Screen items={many} live="a" />);
  await frameWhere(lastFrame, (f) => f.includes('line 4999'));
  rerender(<Screen items={[...many, item(5000, 'line 5000')]} live="b" />);
  const frame = await frameWhere(lastFrame, (f) => f.includes('line 5000'));
  t.is(frame.split('\n').filter((l) => l === 'line 0').length, 1);
  t.true(frame.endsWith('line 4999\nline 5000\nb'));
  unmount();
});
