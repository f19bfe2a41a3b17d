import test from 'ava';
import { CONTROL_POINT_INDICES, controlPointAt, queryControlPoint } from '../../src/core/control-points.ts';
import { applyRequest } from '../../src/core/unit.ts';
import type { CryptoUnit } from '../../src/core/types.ts';
import type { UnitCommand } from '../../src/core/command.ts';
import { ALICE, BOB, MALLORY, addAdminCommand, must, request, secured, unit, type TestAdmin } from '../helpers/core.ts';

function refusal(u: CryptoUnit, command: UnitCommand, signers: readonly TestAdmin[]): [string, number | null, number | null] | 'accepted' {
  const r = applyRequest(u, request(u, command, signers));
  return r.ok ? 'accepted' : [r.refusal.code, r.refusal.returnCode, r.refusal.reasonCode];
}

const withAlice = (): CryptoUnit => must(unit(), addAdminCommand(unit(), ALICE));

test('exit-impr: one installed admin signs, and the unit leaves imprint mode with thresholds 1 and 1', (t) => {
  const u = must(withAlice(), { kind: 'exit-impr' }, [ALICE]);
  t.deepEqual([u.signatureThreshold, u.revocationThreshold], [1, 1]);
  t.is(u.counter, withAlice().counter + 1);
});

test('exit-impr: unsigned is refused 208; signed by a key that is not installed, 257; no admin at all, 208', (t) => {
  t.deepEqual(refusal(withAlice(), { kind: 'exit-impr' }, []), ['TOO_FEW_SIGNATURES', 208, null]);
  t.deepEqual(refusal(withAlice(), { kind: 'exit-impr' }, [MALLORY]), ['NOT_AN_ADMIN', 257, null]);
  t.deepEqual(refusal(unit(), { kind: 'exit-impr' }, []), ['TOO_FEW_SIGNATURES', 208, null]);
});

test('exit-impr: a unit that is not in imprint mode refuses it and keeps its thresholds', (t) => {
  const u = secured(2, 2);
  t.deepEqual(refusal(u, { kind: 'exit-impr' }, [ALICE]), ['NOT_IN_IMPRINT_MODE', null, null]);
});

test('cp-change: not allowed in imprint mode (179); the signature threshold signs it; it sets and resets', (t) => {
  t.deepEqual(refusal(unit(), { kind: 'cp-change', index: 66, set: false }, []), ['IMPRINT_MODE', 179, null]);
  const u = secured(2, 2);
  t.deepEqual(refusal(u, { kind: 'cp-change', index: 66, set: false }, [ALICE]), ['TOO_FEW_SIGNATURES', 208, null]);
  const reset = must(u, { kind: 'cp-change', index: 66, set: false }, [ALICE, BOB]);
  t.false(reset.controlPoints.XCP_CPB_BTC);
  t.is(reset.controlPoints.XCP_CPB_ALG_EC_25519, u.controlPoints.XCP_CPB_ALG_EC_25519, 'only the named control point changes');
  const set = must(reset, { kind: 'cp-change', index: 66, set: true }, [ALICE, BOB]);
  t.true(set.controlPoints.XCP_CPB_BTC);
});

test('cp-change: an index the unit does not have is refused as invalid data (32, no reason code)', (t) => {
  t.deepEqual(refusal(secured(2, 2), { kind: 'cp-change', index: 42, set: true }, [ALICE, BOB]), ['INVALID_DATA', 32, null]);
});

test('control point indices are the EP11 numbers, and a query answers only for those', (t) => {
  t.deepEqual(CONTROL_POINT_INDICES.map((c) => [c.index, c.point]), [[55, 'XCP_CPB_ALG_EC_25519'], [66, 'XCP_CPB_BTC'], [67, 'XCP_CPB_ECDSA_OTHER']]);
  t.is(controlPointAt(67)?.point, 'XCP_CPB_ECDSA_OTHER');
  const u = must(secured(2, 2), { kind: 'cp-change', index: 67, set: false }, [ALICE, BOB]);
  t.deepEqual(queryControlPoint(u, 67), { ok: true, set: false });
  t.deepEqual(queryControlPoint(u, 55), { ok: true, set: u.controlPoints.XCP_CPB_ALG_EC_25519 });
  const unknown = queryControlPoint(u, 1);
  t.false(unknown.ok);
  if (!unknown.ok) t.is(unknown.refusal.returnCode, 32);
});
