import test from 'ava';
import { COLOUR_THEME, PLAIN_THEME, themeFromEnv, type TextStyle, type Theme } from '../../src/shell/theme.ts';

function styles(theme: Theme): TextStyle[] {
  return [...Object.values(theme.tone), theme.highlight, theme.differs, theme.heading, theme.selected, theme.seeded, theme.cursor, theme.prompt];
}

test('NO_COLOR set to anything but the empty string selects the plain theme', (t) => {
  t.is(themeFromEnv({ NO_COLOR: '1' }), PLAIN_THEME);
  t.is(themeFromEnv({ NO_COLOR: 'yes' }), PLAIN_THEME);
  t.is(themeFromEnv({ NO_COLOR: '' }), COLOUR_THEME);
  t.is(themeFromEnv({}), COLOUR_THEME);
});

test('the plain theme has no colour at all', (t) => {
  for (const style of styles(PLAIN_THEME)) {
    t.is(style.color, undefined);
    t.is(style.backgroundColor, undefined);
  }
});

test('errors have one colour, distinct from every other tone, and the highlight is visible in both themes', (t) => {
  t.truthy(COLOUR_THEME.tone.error.color);
  for (const tone of ['normal', 'ok', 'muted'] as const) t.not(COLOUR_THEME.tone[tone].color, COLOUR_THEME.tone.error.color);
  for (const theme of [COLOUR_THEME, PLAIN_THEME]) t.true(Object.keys(theme.highlight).length > 0);
  t.notDeepEqual(PLAIN_THEME.tone.error, PLAIN_THEME.tone.normal);
});
