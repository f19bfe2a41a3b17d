/** `tkesim demo` arguments. */

export const DEMO_USAGE = [
  'Usage: tkesim demo SCRIPT [--from N] [--notes] [--record NAME] [--input] [--typing MS] [--auto SECONDS]',
  '       tkesim demo SCRIPT --check',
  '  --from N      start at step N (the world the steps before it built)',
  '  --check       run the whole script without a terminal; report every prompt with no answer, every',
  '                step that does not end as the script expects, unknown training values (exit 0: clean)',
  '  --notes       show the speaker notes on this screen (else: tkesim presenter, in another terminal)',
  '  Keys: Space/Enter/→/↓/PgDn next · b/←/↑/PgUp/Backspace back · j/k scroll the output · p panel',
  '        t take over live (press twice) · q quit (press twice)',
].join('\n');

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

export function parseDemoArgs(argv: readonly string[]): DemoArgs | string {
  let file: string | null = null;
  let record: string | null = null;
  let input = false;
  let typingMs = 35;
  let auto: number | null = null;
  let notes = false;
  let from = 1;
  let check = false;
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
