/** "Did you mean", for commands and the shell's own words alike: pure, and cheap to load. */

/** The words of `names` within two edits of `word` (or containing it): "did you mean". */
export function nearWords(word: string, names: readonly string[]): string[] {
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let prev = d[0] ?? 0;
      d[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const tmp = d[j] ?? 0;
        d[j] = Math.min((d[j] ?? 0) + 1, (d[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = tmp;
      }
    }
    return d[b.length] ?? 0;
  };
  // The distance is at least the difference in length: a long pasted word is never compared in full
  // (that took seconds for a 100,000-character line).
  const near = (n: string) => Math.abs(word.length - n.length) <= 2 && distance(word, n) <= 2;
  return names.filter((n) => near(n) || (word.length >= 4 && n.includes(word))).slice(0, 3);
}
