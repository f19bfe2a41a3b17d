/**
 * Taking over a demo live, and coming back: the live shell runs on a copy of the step's world (the
 * demo's own stays as the script left it), its greeting lists the training values, and when it
 * exits the presenter may return to the script at the same step, the live changes discarded.
 */
import { rememberSecret } from '../engine/secrets.ts';
import type { DemoScript } from './demo-script.ts';

/** The greeting of the live shell: where the demo was, and the training values to type. */
export function takeOverGreeting(script: DemoScript, step: number, total: number): string {
  // Known as secrets from now on: a recording masks them, the shell refuses them as commands.
  for (const value of script.training.values()) rememberSecret(value, 'password');
  const values = [...script.training].map(([name, value]) => `  ${name.padEnd(12)} ${value}`);
  return [
    `You took over the demo after step ${step} of ${total} ("${script.title}"), on a copy of its world.`,
    ...(values.length ? ['Training values (passwords and key part values of this demo):', ...values] : []),
    'Type "help" for the commands, "exit" to return to the demo.',
  ].join('\n');
}

export function returnQuestion(step: number, total: number): string {
  return `Return to the demo at step ${step} of ${total}? It goes on in the script's own world: the changes made live are discarded. [Y/n] `;
}

export type ReturnAnswer = 'yes' | 'no' | null;

/** A key pressed at the return question: yes (y, Enter, Space, a clicker's next), no (n, q, Escape, Ctrl-C), or null (ask on). */
export function returnAnswer(data: string): ReturnAnswer {
  if (/^[yY]$/.test(data) || data === '\r' || data === '\n' || data === ' ' || data === '\u001b[6~' || data === '\u001b[C' || data === '\u001b[B') return 'yes';
  if (/^[nNqQ]$/.test(data) || data === '\u001b' || data === '\u0003') return 'no';
  return null;
}

/** Asks the question and reads single keys until one answers it (no terminal: no). */
export async function askReturn(question: string, stdin: NodeJS.ReadStream = process.stdin, stdout: NodeJS.WriteStream = process.stdout): Promise<boolean> {
  if (!stdin.isTTY) return false;
  stdout.write(question);
  // The shell that just ended left stdin paused and unreferenced.
  stdin.setRawMode(true);
  stdin.ref();
  stdin.resume();
  let yes = false;
  try {
    for (;;) {
      const data = await new Promise<string>((resolve) => stdin.once('data', (d: Buffer | string) => resolve(d.toString())));
      const answer = returnAnswer(data);
      if (answer !== null) {
        stdout.write(`${answer}\n`);
        yes = answer === 'yes';
        return yes;
      }
    }
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    // Going on, the demo screen takes stdin over; leaving, nothing may keep the process alive.
    if (!yes) stdin.unref();
  }
}
