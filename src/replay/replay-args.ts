/** The arguments of `tkesim replay`. */
import { FRONT_END_HELP } from '../commands/front-end-help.ts';

export interface ReplayArgs {
  readonly file: string;
  readonly speed: number;
  /** Longest pause played, in seconds (default 2; 0 for none). */
  readonly idleLimit: number | null;
  /** Start after this many steps. */
  readonly from: number;
  /** Play the .cast even when a journal is beside it. */
  readonly castOnly: boolean;
  /** Record the branch after a take-over. */
  readonly record: string | null;
}

export const REPLAY_USAGE = FRONT_END_HELP.replay ?? '';

const DEFAULT_IDLE_LIMIT = 2;

export function parseReplayArgs(argv: readonly string[]): ReplayArgs | string {
  let file: string | null = null;
  let speed = 1;
  let idleLimit: number | null = DEFAULT_IDLE_LIMIT;
  let from = 0;
  let castOnly = false;
  let record: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    const number = (min: number, max: number) => {
      const text = value();
      const n = Number(text);
      if (text === undefined || text === '' || !Number.isFinite(n) || n < min || n > max) throw new Error(`${flag} needs a number from ${min} to ${max}.`);
      return n;
    };
    try {
      if (flag === '--speed') speed = number(0.25, 16);
      else if (flag === '--idle-limit') idleLimit = number(0, 3600) || null;
      else if (flag === '--from') from = Math.floor(number(0, 1e6));
      else if (flag === '--cast') castOnly = true;
      else if (flag === '--record') record = value() ?? '';
      else if (a.startsWith('-')) return `unknown option ${JSON.stringify(a)}`;
      else if (file === null) file = a;
      else return `one file at a time (got ${JSON.stringify(file)} and ${JSON.stringify(a)})`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (file === null) return 'which session? Give a .journal.jsonl or .cast file.';
  if (record === '') return '--record needs a session name.';
  return { file, speed, idleLimit, from, castOnly, record };
}
