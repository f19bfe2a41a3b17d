/** Verification patterns as the CLI prints them: 64 hex digits on two lines of 32. */

export const VP_LINE = 32;

/** The two halves of a 64-hex verification pattern. */
export function splitVp(vp64: string): [string, string] {
  return [vp64.slice(0, VP_LINE), vp64.slice(VP_LINE)];
}

/** A table cell holding a verification pattern: the two halves on two lines. */
export function vpCell(vp64: string): string {
  return splitVp(vp64).join('\n');
}

/** A subject key identifier as the CLI shows it: the first 30 hex digits and `...`. */
export function shortSki(ski: string): string {
  return `${ski.slice(0, 30)}...`;
}
