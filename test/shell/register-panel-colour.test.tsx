// Ink colours through the process-wide chalk instance, which ava loads (and sizes to the worker's
// non-terminal stdout) before this file runs: set its level directly so colours render here,
// whatever FORCE_COLOR the test command pins.
import test from 'ava';
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { buildPanelModel } from '../../src/shell/panel-model.ts';
import { RegisterPanel } from '../../src/shell/register-panel.tsx';
import { COLOUR_THEME, PLAIN_THEME, ThemeContext, type Theme } from '../../src/shell/theme.ts';
import { editUnit, masterKey, testWorld, withNew } from './fixtures.ts';
import { frameWhere, plain } from './frames.ts';

chalk.level = 1;

const before = testWorld();
const after = editUnit(before, 1, withNew('Full Uncommitted', masterKey('hl')));
const model = buildPanelModel(after, new Set(), before);

const BG_YELLOW = '\u001b[43m';
const INVERSE = '\u001b[7m';
// Any foreground or background colour code: 30-37, 39-47, 49, 90-97, 100-107, and 38;/48; forms.
const COLOUR = /\u001b\[(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

function renderWith(theme: Theme) {
  return render(
    <ThemeContext.Provider value={theme}>
      <RegisterPanel model={model} width={80} />
    </ThemeContext.Provider>,
  );
}

test('the changed field is highlighted, and nothing else is', async (t) => {
  const { lastFrame, unmount } = renderWith(COLOUR_THEME);
  const frame = await frameWhere(lastFrame, (f) => plain(f).includes('4*'));
  const highlighted = frame.split(BG_YELLOW).slice(1).map((s) => plain(s.split('\u001b[49m')[0] ?? ''));
  t.is(highlighted.length, 1);
  t.regex(highlighted[0] ?? '', /^Full Uncommitted [0-9a-f]{8}$/);
  unmount();
});

test('with the plain (NO_COLOR) theme: no colour at all, the highlight is inverse video', async (t) => {
  const { lastFrame, unmount } = renderWith(PLAIN_THEME);
  const frame = await frameWhere(lastFrame, (f) => plain(f).includes('4*'));
  t.false(COLOUR.test(frame), JSON.stringify(frame));
  const highlighted = frame.split(INVERSE).slice(1).map((s) => plain(s.split('\u001b[27m')[0] ?? ''));
  t.deepEqual(highlighted.length, 1);
  t.regex(highlighted[0] ?? '', /^Full Uncommitted [0-9a-f]{8}$/);
  unmount();
});
