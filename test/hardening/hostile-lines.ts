/** A deterministic generator of hostile input lines for the hardening tests. */
import { createHash } from 'node:crypto';
import { COMMAND_NAMES } from '../../src/shell/engine-adapter.ts';

const JUNK = ['x', '€', '日本', '\u0000', '\u0007', '\u001b[2J', '\u001b]0;title\u0007', '\r', '\t', '\b', '\u007f', '"', "'", '\\', '-', '--', '%s', '%n', '🔑', '👩‍👩‍👧', 'ǅ', '\u202e', '\u200b', '\ufeff', '\ud800', ';', '|', '$(id)', '`id`', '9x', '-1', '0', '99999999999999999999', '1.5', 'NaN', '1e309', ' ', '../../etc/passwd', '{"a":', '[1,'];

/** Replaces, drops or doubles one letter: a near miss of a real command name. */
function nearMiss(name: string, n: number): string {
  const i = n % Math.max(1, name.length);
  switch (n % 4) {
    case 0: return name.slice(0, i) + name.slice(i + 1);
    case 1: return name.slice(0, i) + name[i] + name.slice(i);
    case 2: return name.slice(0, i) + String.fromCharCode(((name.charCodeAt(i) - 96) % 26) + 97) + name.slice(i + 1);
    default: return name.toUpperCase();
  }
}

export function hostileLines(seed: string, count: number): string[] {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  const next = () => {
    // mulberry32: cheap, and the same lines for the same seed everywhere
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return (x ^ (x >>> 14)) >>> 0;
  };
  const int = (n: number) => next() % n;
  const bytes = () => Uint8Array.from({ length: 64 }, () => next() & 0xff);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const junk = (n: number) => Array.from({ length: n }, () => pick(JUNK)).join(pick(['', ' ']));
  const names = COMMAND_NAMES.filter((c) => !['exit', 'clear', 'quit'].includes(c));
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    switch (int(10)) {
      case 0: lines.push(junk(1 + int(30))); break;
      case 1: lines.push(`${pick(names)} ${junk(1 + int(6))}`); break;
      case 2: lines.push(`${nearMiss(pick(names), int(1000))} ${junk(int(3))}`); break;
      case 3: { // up to 100,000 characters
        const length = int(10) === 0 ? 20_000 + int(80_000) : 200 + int(2_000);
        lines.push(pick(['z', '日', '🔑', 'cryptounits ', '"']).repeat(length).slice(0, length));
        break;
      }
      case 4: lines.push(`ibmcloud tke ${pick(names)} --${junk(2)} ${pick(['1', '1 2', '0', '-3', '999', 'all'])}`); break;
      case 5: lines.push(`sim ${pick(['init', 'keys', 'reset', 'status', 'fault', 'frob'])} ${pick(['--units', '--region', '--seed', '--bogus', 'create', 'check', 'list'])} ${junk(2)}`); break;
      case 6: lines.push(Array.from({ length: 1 + int(40) }, () => String.fromCharCode(int(32))).join('')); break;
      case 7: lines.push(Buffer.from(bytes()).toString('latin1')); break;
      case 8: lines.push(`${pick(names)} ${'"'.repeat(1 + int(3))}${junk(3)}`); break;
      default: lines.push(String.fromCodePoint(...Array.from({ length: 1 + int(20) }, () => 0x80 + int(0x2ff00))).replace(/[\ud800-\udfff]/g, '?'));
    }
  }
  return lines;
}
