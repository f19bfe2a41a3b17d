/** Every command, by name. The order is the order of `help`. */
import type { TkeCommand } from './command.ts';
import { nearWords } from '../core/near-words.ts';
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

