import test from 'ava';
import { EVEN_WORDS, ODD_WORDS } from '../../src/ceremony/pgp-word-list.ts';
import { groupedHex, pgpWords, pgpWordsOfHex, wordLines } from '../../src/ceremony/pgp-words.ts';

test('the PGP word list has 256 distinct words in each half', (t) => {
  t.is(EVEN_WORDS.length, 256);
  t.is(ODD_WORDS.length, 256);
  t.is(new Set(EVEN_WORDS).size, 256);
  t.is(new Set(ODD_WORDS).size, 256);
  t.deepEqual(EVEN_WORDS.filter((w) => ODD_WORDS.includes(w)), []);
});

test('known bytes give the published words, two-syllable at even offsets and three-syllable at odd ones', (t) => {
  t.deepEqual(pgpWords(Uint8Array.from([0x00, 0x00])), ['aardvark', 'adroitness']);
  t.deepEqual(pgpWords(Uint8Array.from([0xff, 0xff])), ['Zulu', 'Yucatan']);
  // Spread over the table, so that a word missing or doubled anywhere shifts one of these.
  const known: [number, string, string][] = [
    [0x01, 'absurd', 'adviser'], [0x17, 'banjo', 'bookseller'], [0x2c, 'Burbank', 'Chicago'], [0x40, 'crackdown', 'Dakota'],
    [0x5a, 'enlist', 'existence'], [0x7f, 'lockup', 'integrate'], [0x80, 'merit', 'intention'], [0x9d, 'quadrant', 'Ohio'],
    [0xa5, 'reindeer', 'paperweight'], [0xc0, 'slowdown', 'recipe'], [0xdd, 'swelter', 'tambourine'], [0xea, 'Trojan', 'undaunted'],
    [0xfe, 'woodlark', 'yesteryear'],
  ];
  for (const [byte, even, odd] of known) {
    t.deepEqual(pgpWords(Uint8Array.from([byte, byte])), [even, odd], `byte 0x${byte.toString(16)}`);
  }
  // The E5 57 example of the PGP documentation: "topmost Eskimo".
  t.deepEqual(pgpWordsOfHex('e557'), ['topmost', 'Eskimo']);
});

test('hex is grouped by 8 digits and words go in lines', (t) => {
  t.is(groupedHex('0011223344556677aabbccdd'), '00112233 44556677 aabbccdd');
  t.deepEqual(wordLines(['a', 'b', 'c', 'd', 'e'], 2), ['a b', 'c d', 'e']);
});
