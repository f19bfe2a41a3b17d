import test from 'ava';
import { applyRequest, registerVp } from '../../src/core/unit.ts';
import type { CryptoUnit } from '../../src/core/types.ts';
import type { UnitCommand } from '../../src/core/command.ts';
import { EMPTY_VP } from '../../src/core/crypto.ts';
import { ALICE, BOB, KEY_A, KEY_B, initialized, loadCommand, must, request, secured, unit, vp } from '../helpers/core.ts';

function code(u: CryptoUnit, command: UnitCommand, signers = [ALICE, BOB]): string {
  const r = applyRequest(u, request(u, command, signers));
  return r.ok ? 'accepted' : r.refusal.code;
}

const state = (u: CryptoUnit) => `${u.newRegister.state} / ${u.currentRegister.state}`;

test('imprint mode: every master key command is refused with 179', (t) => {
  const u = unit();
  for (const c of [loadCommand(u, KEY_A), { kind: 'mk-commit', vp: vp(KEY_A) }, { kind: 'mk-setimm' }, { kind: 'mk-clrnew' }, { kind: 'mk-clrcur' }] as UnitCommand[]) {
    const r = applyRequest(u, request(u, c));
    t.is(r.ok ? 0 : r.refusal.returnCode, 179, c.kind);
  }
});

test('new register: Empty -> load -> Full Uncommitted -> commit -> Full Committed -> setimm -> Empty, current Valid', (t) => {
  let u = secured(2, 2);
  t.is(state(u), 'Empty / Empty');
  u = must(u, loadCommand(u, KEY_A), [ALICE]);
  t.is(state(u), 'Full Uncommitted / Empty');
  t.is(registerVp(u.newRegister.key), vp(KEY_A));
  u = must(u, { kind: 'mk-commit', vp: vp(KEY_A) }, [ALICE, BOB]);
  t.is(state(u), 'Full Committed / Empty');
  u = must(u, { kind: 'mk-setimm' }, [ALICE]);
  t.is(state(u), 'Empty / Valid');
  t.is(registerVp(u.currentRegister.key), vp(KEY_A));
  t.is(registerVp(u.newRegister.key), EMPTY_VP);
});

test('load needs an Empty new register; commit needs Full Uncommitted; setimm needs Full Committed', (t) => {
  let u = secured(2, 2);
  t.is(code(u, { kind: 'mk-commit', vp: vp(KEY_A) }), 'NEW_REGISTER_EMPTY');
  t.is(code(u, { kind: 'mk-setimm' }, [ALICE]), 'NEW_REGISTER_EMPTY');
  u = must(u, loadCommand(u, KEY_A), [ALICE]);
  t.is(code(u, loadCommand(u, KEY_B), [ALICE]), 'NEW_REGISTER_NOT_EMPTY');
  t.is(code(u, { kind: 'mk-setimm' }, [ALICE]), 'NEW_REGISTER_NOT_COMMITTED');
  u = must(u, { kind: 'mk-commit', vp: vp(KEY_A) }, [ALICE, BOB]);
  t.is(code(u, { kind: 'mk-commit', vp: vp(KEY_A) }), 'NEW_REGISTER_NOT_UNCOMMITTED');
  t.is(code(u, loadCommand(u, KEY_B), [ALICE]), 'NEW_REGISTER_NOT_EMPTY');
});

test('load needs one signature, commit the full threshold', (t) => {
  const u = secured(2, 2);
  t.is(code(u, loadCommand(u, KEY_A), []), 'TOO_FEW_SIGNATURES');
  const loaded = must(u, loadCommand(u, KEY_A), [BOB]);
  t.is(code(loaded, { kind: 'mk-commit', vp: vp(KEY_A) }, [ALICE]), 'TOO_FEW_SIGNATURES');
});

test('commit with a different verification pattern is refused 101/48', (t) => {
  const u = must(secured(1, 1), loadCommand(secured(1, 1), KEY_A), [ALICE]);
  const r = applyRequest(u, request(u, { kind: 'mk-commit', vp: vp(KEY_B) }, [ALICE]));
  t.deepEqual(r.ok ? null : [r.refusal.returnCode, r.refusal.reasonCode], [101, 48]);
});

test('a load sealed to another unit\'s importer key cannot be imported', (t) => {
  const u = secured(1, 1);
  const other = secured(1, 1, 'other');
  t.is(code(u, loadCommand(other, KEY_A), [ALICE]), 'IMPORT_FAILED');
});

test('clrnew empties the new register from Full Uncommitted or Full Committed', (t) => {
  let u = must(secured(2, 2), loadCommand(secured(2, 2), KEY_A), [ALICE]);
  t.is(state(must(u, { kind: 'mk-clrnew' }, [ALICE])), 'Empty / Empty');
  u = must(u, { kind: 'mk-commit', vp: vp(KEY_A) }, [ALICE, BOB]);
  t.is(state(must(u, { kind: 'mk-clrnew' }, [BOB])), 'Empty / Empty');
});

test('current register: setimm of another key replaces Valid; clrcur empties it; zeroize empties both', (t) => {
  let u = initialized(KEY_A);
  u = must(u, loadCommand(u, KEY_B), [ALICE]);
  u = must(u, { kind: 'mk-commit', vp: vp(KEY_B) }, [ALICE, BOB]);
  const rotated = must(u, { kind: 'mk-setimm' }, [ALICE]);
  t.is(registerVp(rotated.currentRegister.key), vp(KEY_B));
  t.is(state(must(rotated, { kind: 'mk-clrcur' }, [ALICE])), 'Empty / Empty');
  const z = must(u, { kind: 'zeroize' }, [ALICE]);
  t.is(state(z), 'Empty / Empty');
  t.is(z.signatureThreshold, 0);
});

test('loading the current master key again is refused (a rotation needs a new part)', (t) => {
  const u = initialized(KEY_A);
  t.is(code(u, loadCommand(u, KEY_A), [ALICE]), 'SAME_AS_CURRENT');
});
