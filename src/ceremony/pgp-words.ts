/** Bytes as PGP words, for reading a verification pattern or a hash aloud: even offsets from one list, odd from the other. */
import { EVEN_WORDS, ODD_WORDS } from './pgp-word-list.ts';

export function pgpWords(bytes: Uint8Array): string[] {
  return [...bytes].map((b, i) => (i % 2 === 0 ? EVEN_WORDS : ODD_WORDS)[b] ?? '?');
}

/** The PGP words of a hex string (an odd last digit is ignored). */
export function pgpWordsOfHex(hex: string): string[] {
  return pgpWords(Uint8Array.from(Buffer.from(hex.length % 2 === 0 ? hex : hex.slice(0, -1), 'hex')));
}

/** Hex in groups of 8 digits: easier to read aloud and to compare. */
export function groupedHex(hex: string): string {
  return (hex.match(/.{1,8}/g) ?? []).join(' ');
}

/** Words in lines of `perLine`, for a screen or a page. */
export function wordLines(words: readonly string[], perLine = 8): string[] {
  const lines: string[] = [];
  for (let i = 0; i < words.length; i += perLine) lines.push(words.slice(i, i + perLine).join(' '));
  return lines;
}
