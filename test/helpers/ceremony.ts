/** The key-part ceremony of reference section 4.1, driven through one-shot tkesim. */
import type { ExecutionContext } from 'ava';
import { tkesim, type Home } from './cli.ts';

export const ADMINS = [
  { name: 'Alice Admin', password: 'alice-pw-1' },
  { name: 'Bob Admin', password: 'bob-pw-2' },
  { name: 'Carol Admin', password: 'carol-pw-3' },
] as const;
export const PARTS = [
  { description: 'part one', password: 'part-pw-1' },
  { description: 'part two', password: 'part-pw-2' },
  { description: 'part three', password: 'part-pw-3' },
] as const;

export async function step(t: ExecutionContext, home: Home, args: string[], answers: string[] = [], expect = 0): Promise<string> {
  const r = await tkesim(home, args, answers);
  t.is(r.code, expect, `tkesim ${args.join(' ')} exited ${r.code}\n${r.out}${r.err}`);
  return r.out;
}

/** Selects units 1 and 2, creates three admins, thresholds 2/2. */
export async function secureUnits(t: ExecutionContext, home: Home): Promise<void> {
  await step(t, home, ['sim', 'init', '--yes', '--seed', 'ceremony']);
  await step(t, home, ['cryptounit-add'], ['1 2']);
  for (const a of ADMINS) await step(t, home, ['sigkey-add'], [a.name, a.password, a.password]);
  await step(t, home, ['sigkey-sel'], ['1 2 3', ...ADMINS.map((a) => a.password)]);
  for (const [i, a] of ADMINS.entries()) await step(t, home, ['cryptounit-admin-add'], [String(i + 1), a.password]);
  await step(t, home, ['cryptounit-thrhld-set'], ['2', '2', ADMINS[0].password, ADMINS[1].password]);
}

/** Creates three parts, loads, commits and activates them. */
export async function loadMasterKey(t: ExecutionContext, home: Home): Promise<void> {
  for (const p of PARTS) await step(t, home, ['mk-add', '--random'], [p.description, p.password, p.password]);
  await step(t, home, ['cryptounit-mk-load'], ['1 2 3', ADMINS[0].password, ...PARTS.map((p) => p.password)]);
  await step(t, home, ['cryptounit-mk-commit'], [ADMINS[0].password, ADMINS[1].password]);
  await step(t, home, ['cryptounit-mk-setimm'], ['y', ADMINS[0].password]);
}
