/** Builders for the recovery-unit core tests: whole instances secured and initialized, unit by unit. */
import type { UnitCommand } from '../../src/core/command.ts';
import type { CryptoUnit, World } from '../../src/core/types.ts';
import { applyRequest } from '../../src/core/unit.ts';
import { replaceUnits } from '../../src/core/world.ts';
import { ALICE, BOB, CAROL, KEY_A, addAdminCommand, loadCommand, must, request, seeded, vp, world, type TestAdmin } from './core.ts';

/** Alice, Bob and Carol installed, thresholds sig/rev. */
export function secure(u: CryptoUnit, sig = 2, rev = 2): CryptoUnit {
  let unit = u;
  for (const a of [ALICE, BOB, CAROL]) unit = must(unit, addAdminCommand(unit, a));
  return must(unit, { kind: 'thrhld-set', signatureThreshold: sig, revocationThreshold: rev }, [ALICE, BOB, CAROL].slice(0, sig));
}

/** A secured unit whose current register holds `key`. */
export function withCurrent(u: CryptoUnit, key: Uint8Array = KEY_A): CryptoUnit {
  let unit = must(u, loadCommand(u, key), [ALICE]);
  unit = must(unit, { kind: 'mk-commit', vp: vp(key) }, [ALICE, BOB]);
  return must(unit, { kind: 'mk-setimm' }, [ALICE]);
}

/** The default world (2 operational + 2 recovery units), every unit secured and holding KEY_A. */
export function initializedWorld(seed = 'recovery'): World {
  const w = world(seed);
  return replaceUnits(w, w.units.map((u) => withCurrent(secure(u))));
}

export function unitAt(w: World, index: number): CryptoUnit {
  const u = w.units[index];
  if (!u) throw new Error(`no unit ${index}`);
  return u;
}

/** Applies a signed command with entropy (for mk-random and mk-export). */
export function send(u: CryptoUnit, command: UnitCommand, signers: readonly TestAdmin[], seed = 'send') {
  return applyRequest(u, request(u, command, signers), seeded(seed));
}
