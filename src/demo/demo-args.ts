/** `tkesim demo` arguments. */
import { FRONT_END_HELP } from '../commands/front-end-help.ts';

export const DEMO_USAGE = FRONT_END_HELP.demo ?? 'USAGE: tkesim demo SCRIPT [--from N] [--check] [--notes] [--record NAME]';

export interface DemoArgs {
  readonly file: string;
  readonly record: string | null;
  readonly input: boolean;
  readonly typingMs: number;
  readonly auto: number | null;
  readonly notes: boolean;
  /** 1-based demo step to start at. */
  readonly from: number;
  readonly check: boolean;
}

export function parseDemoArgs(argv: readonly string[]): DemoArgs | { readonly help: true } | string {
  let file: string | null = null;
  let record: string | null = null;
  let input = false;
  let typingMs = 35;
  let auto: number | null = null;
  let notes = false;
  let from = 1;
  let check = false;
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const num = (min: number, max: number) => {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${a} needs a number from ${min} to ${max}.`);
      return n;
    };
    try {
      if (a === '--record') record = argv[++i] ?? '';
      else if (a === '--input') input = true;
      else if (a === '--typing') typingMs = num(0, 1000);
      else if (a === '--auto') auto = num(0, 600);
      else if (a === '--notes') notes = true;
      else if (a === '--from') from = Math.trunc(num(1, 10_000));
      else if (a === '--check') check = true;
      else if (a.startsWith('-')) return `unknown option ${JSON.stringify(a)}`;
      else if (file === null) file = a;
      else return 'one script at a time';
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (file === null) return 'which demo script?';
  if (record === '') return '--record needs a session name';
  if (check && (record !== null || auto !== null)) return '--check runs without a terminal: no --record or --auto with it';
  return { file, record, input, typingMs, auto, notes, from, check };
}
