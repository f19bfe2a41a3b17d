/** What the shell says after a take-over: where the user is, and how to open the files there. */
import type { StandInFile } from '../journal/stand-in-state.ts';
import type { StandIn } from './secret-supply.ts';

const SHOWN = 6;

export interface TakeOverFacts {
  readonly title: string;
  readonly step: number;
  readonly steps: number;
  readonly demo: boolean;
  /** Passwords the re-execution used in place of the recorded ones. */
  readonly standIns: readonly StandIn[];
  /** Files made anew for a start the journal holds no secrets of. */
  readonly standInFiles: readonly StandInFile[];
  /** The copy is not the recorded state: the reason (stand-in master keys, a step that differed). */
  readonly inexact: string | null;
}

export function takeOverGreeting(f: TakeOverFacts): string {
  const lines = [`You took over "${f.title}" after step ${f.step} of ${f.steps}, on a copy of its world: the recording is unchanged.`];
  if (f.inexact) lines.push(f.inexact);
  if (f.demo) lines.push('Passwords are the demo script\'s training values.');
  if (f.standInFiles.length) {
    lines.push('The recording keeps no secret: these files are stand-ins, with these passwords:');
    for (const s of f.standInFiles.slice(0, SHOWN)) lines.push(`  ${s.password}   ${s.what}`);
    if (f.standInFiles.length > SHOWN) lines.push(`  ... and ${f.standInFiles.length - SHOWN} more (standin-key-N, standin-part-N for KEYNUM N).`);
  }
  if (f.standIns.length) {
    lines.push('The recording never keeps passwords: in this copy, the files use stand-ins (first typed at):');
    for (const s of f.standIns.slice(0, SHOWN)) lines.push(`  ${s.value.length > 20 ? `${s.value.slice(0, 16)}...` : s.value}   step ${s.step} ${s.line}: ${s.prompt}`);
    if (f.standIns.length > SHOWN) lines.push(`  ... and ${f.standIns.length - SHOWN} more (replay-N for the N-th distinct password).`);
  }
  lines.push('Type "help" for the commands, "record start NAME" to record this branch, "exit" to leave.');
  return lines.join('\n');
}
