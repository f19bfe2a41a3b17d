/** One-shot drives for the recovery-unit ceremonies (auto-init and friends), and checks of a healthy instance. */
import type { ExecutionContext } from 'ava';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newHome, type Home } from './cli.ts';
import { ADMINS, step } from './ceremony.ts';

/** auto-init answers for the only instance: press enter, thresholds 2/2, three new administrators. */
export const AUTO_INIT_ANSWERS = ['', '2', '2', '3', ...ADMINS.flatMap((a) => [a.name, a.password, a.password])];
export const SIGNERS = [ADMINS[0].password, ADMINS[1].password];

/** A default world (units 1, 2 operational; 3*, 4* recovery) initialized by auto-init, Alice and Bob selected, 100 keys. */
export async function autoInitialized(t: ExecutionContext, seed = 'auto'): Promise<Home> {
  const home = newHome();
  await step(t, home, ['sim', 'init', '--yes', '--seed', seed]);
  await step(t, home, ['auto-init'], AUTO_INIT_ANSWERS);
  await step(t, home, ['sigkey-sel'], ['1 2', ...SIGNERS]);
  await step(t, home, ['sim', 'keys', 'create', '100']);
  return home;
}

/** An independent copy of a prepared home, so that cases do not disturb each other. */
export function copyHome(source: Home): Home {
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-drill-'));
  rmSync(dir, { recursive: true });
  cpSync(source.dir, dir, { recursive: true });
  return { dir, env: { ...source.env, TKESIM_HOME: dir } };
}

/** `sim keys check` as { unit label: "decryptable/total" }. */
export function keyCounts(out: string): Record<string, string> {
  return Object.fromEntries(out.split('\n').slice(1).map((l) => l.trim().split(/\s+/)).filter((w) => w.length === 2).map(([u = '', k = '']) => [u, k]));
}

/** Compare says the selected units are configured the same, and every stored key of every unit decrypts. */
export async function expectHealthy(t: ExecutionContext, home: Home, keys = 100): Promise<void> {
  const compare = await step(t, home, ['cryptounit-compare']);
  t.regex(compare, /==> All crypto units are configured the same\. <==/, compare);
  const counts = keyCounts(await step(t, home, ['sim', 'keys', 'check']));
  t.is(counts['1'], `${keys}/${keys}`, 'crypto unit 1');
  for (const [unit, count] of Object.entries(counts)) {
    const [decryptable, total] = count.split('/');
    t.is(decryptable, total, `every stored key of crypto unit ${unit} decrypts`);
  }
}

/** The current master key values held in the store (the units' own state), to check they leak nowhere else. */
export function storedMasterKeys(home: Home): string[] {
  const doc = JSON.parse(readFileSync(join(home.dir, 'world.json'), 'utf8')) as { world: { units: { currentRegister: { key: string | null } }[] } };
  return [...new Set(doc.world.units.map((u) => u.currentRegister.key).filter((k) => k !== null))];
}

/** The lines of `out` from the first containing `from`, to see what a command printed in order. */
export function indexOrder(out: string, lines: readonly string[]): number[] {
  return lines.map((l) => out.indexOf(l));
}
