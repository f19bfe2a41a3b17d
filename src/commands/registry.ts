/** Every command, by name. The order is the order of `help`. */
import type { TkeCommand } from './command.ts';
import { adminAdd, adminRm } from './administrators.ts';
import { autoInit } from './auto-init.ts';
import { autoMkRecover } from './auto-recover.ts';
import { autoMkRotate } from './auto-rotate.ts';
import { failoverEnable } from './failover-enable.ts';
import { mkAdd, mkRm, mks } from './key-parts.ts';
import { mkClrcur, mkClrnew, mkCommit, mkLoad, mkSetimm } from './master-key.ts';
import { mkRotate } from './rotate.ts';
import { cryptounitAdd, cryptounitRm, cryptounits } from './selection.ts';
import { sigkeyAdd, sigkeyRm, sigkeySel, sigkeys } from './signature-keys.ts';
import { simInit, simKeysCheck, simKeysCreate, simReset, simResend, simSignserv, simStatus } from './sim.ts';
import { simFault, simFaultClear, simFaultList, simLogin } from './sim-fault.ts';
import { thrhldSet } from './thresholds.ts';
import { exitImpr } from './exit-impr.ts';
import { cryptounitCp } from './control-point.ts';
import { cpBtc, cpEddsa, cpSigOther, zeroize } from './unit-admin.ts';
import { cryptounitAdmins, cryptounitCompare, cryptounitMk, cryptounitThrhlds } from './views.ts';

export const TKE_COMMANDS: readonly TkeCommand[] = [
  sigkeys, sigkeyAdd, sigkeyRm, sigkeySel,
  mks, mkAdd, mkRm,
  cryptounits, cryptounitAdd, cryptounitRm, cryptounitCompare, cryptounitAdmins, cryptounitThrhlds, cryptounitMk,
  adminAdd, adminRm, thrhldSet, exitImpr, zeroize, cryptounitCp, cpBtc, cpEddsa, cpSigOther,
  mkLoad, mkCommit, mkSetimm, mkClrnew, mkClrcur, mkRotate,
  autoInit, autoMkRotate, autoMkRecover, failoverEnable,
];

export const SIM_COMMANDS: readonly TkeCommand[] = [
  simInit, simReset, simStatus, simKeysCreate, simKeysCheck, simResend, simSignserv, simFault, simFaultList, simFaultClear, simLogin,
];

/** Finds the command a word list names (`sim keys create` takes three words); returns it and the rest. */
export function lookup(words: readonly string[], extra: readonly TkeCommand[] = []): { command: TkeCommand; rest: string[] } | null {
  const all = [...TKE_COMMANDS, ...SIM_COMMANDS, ...extra];
  for (let n = 3; n >= 1; n--) {
    const name = words.slice(0, n).join(' ');
    const command = all.find((c) => c.name === name || c.aliases?.includes(name));
    if (command && words.length >= n) return { command, rest: words.slice(n) };
  }
  return null;
}

/** Names close to a mistyped one, for "did you mean". */
export function suggestions(word: string): string[] {
  return nearWords(word, [...TKE_COMMANDS, ...SIM_COMMANDS].map((c) => c.name));
}

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
