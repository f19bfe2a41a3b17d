/**
 * The shell's only source of colour. Components take styles from a Theme and never name a colour
 * themselves. With NO_COLOR set (to anything but the empty string) the plain theme applies: no
 * colour at all, only text attributes (bold, inverse, dim), which NO_COLOR does not cover.
 */
import { createContext, useContext } from 'react';

/** The subset of Ink's Text props a theme may set. */
export interface TextStyle {
  readonly color?: string;
  readonly backgroundColor?: string;
  readonly bold?: boolean;
  readonly dimColor?: boolean;
  readonly inverse?: boolean;
  readonly underline?: boolean;
}

/** How a line of output reads: errors have one colour everywhere. */
export type Tone = 'normal' | 'error' | 'ok' | 'muted';

export interface Theme {
  readonly name: 'colour' | 'plain';
  readonly tone: Readonly<Record<Tone, TextStyle>>;
  /** A panel field that changed with the last command. */
  readonly highlight: TextStyle;
  /** The marker of a unit configured differently from the others of its instance. */
  readonly differs: TextStyle;
  readonly heading: TextStyle;
  readonly selected: TextStyle;
  /** The SEEDED marker of the status line. */
  readonly seeded: TextStyle;
  readonly cursor: TextStyle;
  readonly prompt: TextStyle;
}

export const COLOUR_THEME: Theme = {
  name: 'colour',
  tone: {
    normal: {},
    error: { color: 'red' },
    ok: { color: 'green' },
    muted: { dimColor: true },
  },
  highlight: { color: 'black', backgroundColor: 'yellow' },
  differs: { color: 'magenta', bold: true },
  heading: { bold: true },
  selected: { color: 'cyan' },
  seeded: { color: 'yellow', bold: true },
  cursor: { inverse: true },
  prompt: { color: 'cyan' },
};

export const PLAIN_THEME: Theme = {
  name: 'plain',
  tone: {
    normal: {},
    error: { bold: true },
    ok: {},
    muted: { dimColor: true },
  },
  highlight: { inverse: true },
  differs: { bold: true },
  heading: { bold: true },
  selected: {},
  seeded: { bold: true },
  cursor: { inverse: true },
  prompt: {},
};

/** NO_COLOR (https://no-color.org): present and not empty means no colour. */
export function themeFromEnv(env: Readonly<Record<string, string | undefined>>): Theme {
  const noColor = env['NO_COLOR'];
  return noColor !== undefined && noColor !== '' ? PLAIN_THEME : COLOUR_THEME;
}

export const ThemeContext = createContext<Theme>(themeFromEnv(process.env));

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
