/**
 * Demo scripts: a plain text file a presenter can write.
 *
 *   # a comment
 *   title: Initialize a service instance with key part files
 *   seed: demo-key-part-init            (required: a demo runs on a fresh seeded world)
 *   world: --units 2 --recovery 2       (optional: the shape, as for `sim init`)
 *   training alice = Alice-training-1   (a training password or key part value)
 *
 *   ## setup: select the units           (runs before the demo starts, at once; optional)
 *   ## Select the crypto units          (a step, with its title)
 *   Both operational units of the instance are selected.   (narration, shown to everyone)
 *   note: mention failover units        (speaker notes: `tkesim presenter`, or --notes)
 *   $ cryptounit-add                    (the command typed)
 *   > 1 2                               (its answers, in order; `> @alice` answers a training value)
 *   expect: failed Return code: 8       (optional: the outcome the step should have; default ok)
 *
 * Training values are secrets for the recorder: never shown, never journaled (only their name).
 * Every step and answer keeps its line number, so `demo --check` can name the line to fix.
 */
import { DEFAULT_PROVISION, provisionProblem, type ProvisionOptions } from '../core/world.ts';

export interface DemoAnswer {
  readonly text: string;
  /** The training value's name, when the answer is one. */
  readonly training?: string;
}

export type ExpectedStatus = 'ok' | 'failed' | 'cancelled' | 'usage';
export const EXPECTED_STATUSES: readonly ExpectedStatus[] = ['ok', 'failed', 'cancelled', 'usage'];

export interface DemoExpect {
  readonly status: ExpectedStatus;
  /** Text the step's output must contain (null: the status alone). */
  readonly text: string | null;
  readonly line: number;
}

export interface DemoStep {
  readonly title: string;
  /** `## setup: ...`: run before the demo starts, without typing or waiting (it is still shown). */
  readonly setup: boolean;
  readonly narration: readonly string[];
  readonly notes: readonly string[];
  /** The command line, or null for a narration-only step. */
  readonly command: string | null;
  readonly answers: readonly DemoAnswer[];
  /** Where the step is written: its heading, its command (0 without one), each answer. */
  readonly lines: { readonly heading: number; readonly command: number; readonly answers: readonly number[] };
  /** The outcome the script expects (null: `ok` for a step with a command). */
  readonly expect: DemoExpect | null;
}

export interface DemoScript {
  readonly title: string;
  readonly world: ProvisionOptions;
  readonly training: ReadonlyMap<string, string>;
  readonly steps: readonly DemoStep[];
}

/** A mistake that does not stop the script from running (it still cannot run as written). */
export interface ScriptProblem {
  readonly line: number;
  readonly message: string;
}

export class DemoScriptError extends Error {}

interface Draft {
  title: string;
  setup: boolean;
  narration: string[];
  notes: string[];
  command: string | null;
  answers: DemoAnswer[];
  lines: { heading: number; command: number; answers: number[] };
  expect: DemoExpect | null;
}

function worldOptions(flags: string, seed: string, n: number): ProvisionOptions {
  const words = flags.split(/\s+/).filter((w) => w !== '');
  let o: ProvisionOptions = { ...DEFAULT_PROVISION, seed };
  for (let i = 0; i < words.length; i += 2) {
    const [flag, value = ''] = [words[i], words[i + 1]];
    const num = Number(value);
    switch (flag) {
      case '--instances': o = { ...o, instances: num }; break;
      case '--units': o = { ...o, units: num === 3 ? 3 : 2 }; break;
      case '--recovery': o = { ...o, recovery: num === 0 ? 0 : 2 }; break;
      case '--failover': o = { ...o, failover: num === 3 ? 3 : num === 2 ? 2 : 0 }; break;
      case '--region': o = { ...o, region: value }; break;
      default: throw new DemoScriptError(`line ${n}: unknown world option ${JSON.stringify(flag)} (use --instances, --units, --recovery, --failover, --region)`);
    }
  }
  const problem = provisionProblem(o);
  if (problem) throw new DemoScriptError(`line ${n}: ${problem}`);
  return o;
}

function expectation(value: string, n: number): DemoExpect {
  const m = /^(\S+)\s*(.*)$/.exec(value.trim());
  const status = EXPECTED_STATUSES.find((s) => s === m?.[1]?.toLowerCase());
  if (!m || !status) throw new DemoScriptError(`line ${n}: expect: takes ${EXPECTED_STATUSES.join(', ')}, then optionally text the output must contain`);
  return { status, text: m[2] ? m[2] : null, line: n };
}

/**
 * Reads a script; mistakes that leave it runnable (an answer naming an unknown training value) are
 * returned as problems instead of stopping the reading. Malformed scripts throw DemoScriptError.
 */
export function readDemoScript(text: string): { readonly script: DemoScript; readonly problems: readonly ScriptProblem[] } {
  let title = '';
  let seed: string | null = null;
  let worldFlags = '';
  let worldLine = 0;
  const training = new Map<string, string>();
  const steps: Draft[] = [];
  const problems: ScriptProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trimEnd();
    const step = steps[steps.length - 1];
    if (line.trim() === '' || line.startsWith('# ') || line === '#') return;
    let m: RegExpExecArray | null;
    if (line.startsWith('## ')) {
      const heading = line.slice(3).trim();
      const setup = /^setup:/i.test(heading);
      if (setup && steps.some((s) => !s.setup)) throw new DemoScriptError(`line ${n}: setup steps come before every other step`);
      steps.push({
        title: setup ? heading.replace(/^setup:\s*/i, '') : heading, setup, narration: [], notes: [], command: null, answers: [],
        lines: { heading: n, command: 0, answers: [] }, expect: null,
      });
    }
    else if (!step && (m = /^title:\s*(.*)$/.exec(line))) title = m[1] ?? '';
    else if (!step && (m = /^seed:\s*(\S+)\s*$/.exec(line))) seed = m[1] ?? null;
    else if (!step && (m = /^world:\s*(.*)$/.exec(line))) [worldFlags, worldLine] = [m[1] ?? '', n];
    else if (!step && (m = /^training\s+([\w-]+)\s*=\s*(.+)$/.exec(line))) training.set(m[1] ?? '', (m[2] ?? '').trim());
    else if (!step) throw new DemoScriptError(`line ${n}: before the first step ("## title") only title:, seed:, world: and training lines may appear`);
    else if (line.startsWith('$ ')) {
      if (step.command !== null) throw new DemoScriptError(`line ${n}: a step has one command; start a new step with "## title"`);
      step.command = line.slice(2).trim();
      step.lines.command = n;
    } else if (line === '>' || line.startsWith('> ')) {
      if (step.command === null) throw new DemoScriptError(`line ${n}: an answer comes after the step's command ("$ ...")`);
      const value = line.slice(2);
      step.lines.answers.push(n);
      if (value.startsWith('@')) {
        const name = value.slice(1).trim();
        const known = training.get(name);
        if (known === undefined) {
          problems.push({ line: n, message: `no training value named "${name}" (declare it with: training ${name} = VALUE)` });
          step.answers.push({ text: value });
        } else step.answers.push({ text: known, training: name });
      } else step.answers.push({ text: value.replace(/^\\@/, '@') });
    } else if ((m = /^expect:\s*(.*)$/.exec(line))) {
      if (step.command === null) throw new DemoScriptError(`line ${n}: expect: comes after the step's command ("$ ...")`);
      step.expect = expectation(m[1] ?? '', n);
    } else if ((m = /^note:\s*(.*)$/.exec(line))) step.notes.push(m[1] ?? '');
    else step.narration.push(line.trim());
  });
  if (seed === null) throw new DemoScriptError('the script has no "seed:" line: a demo runs on a fresh seeded world');
  if (!steps.some((s) => !s.setup)) throw new DemoScriptError('the script has no steps ("## title" lines)');
  return { script: { title: title || 'tkesim demo', world: worldOptions(worldFlags, seed, worldLine), training, steps }, problems };
}

/** Reads a script that must run as written: any problem is an error naming its line. */
export function parseDemoScript(text: string): DemoScript {
  const { script, problems } = readDemoScript(text);
  const first = problems[0];
  if (first) throw new DemoScriptError(`line ${first.line}: ${first.message}`);
  return script;
}
