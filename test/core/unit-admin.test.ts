import test from 'ava';
import { applyRequest } from '../../src/core/unit.ts';
import type { CryptoUnit } from '../../src/core/types.ts';
import type { UnitCommand } from '../../src/core/command.ts';
import { ALICE, BOB, CAROL, MALLORY, addAdminCommand, admin, must, request, secured, unit, type TestAdmin } from '../helpers/core.ts';

function refusedWith(t: { is: (a: unknown, b: unknown) => void; deepEqual: (a: unknown, b: unknown) => void }, u: CryptoUnit, command: UnitCommand, signers: readonly TestAdmin[], code: string, rc?: number | null, reason?: number | null): void {
  const r = applyRequest(u, request(u, command, signers));
  t.is(r.ok ? 'accepted' : r.refusal.code, code);
  if (!r.ok && rc !== undefined) t.deepEqual([r.refusal.returnCode, r.refusal.reasonCode], [rc, reason ?? null]);
}

test('imprint mode: admins are added and removed without signatures', (t) => {
  let u = must(unit(), addAdminCommand(unit(), ALICE));
  u = must(u, addAdminCommand(u, BOB));
  t.deepEqual(u.admins.map((a) => a.name), ['Alice', 'Bob']);
  u = must(u, { kind: 'admin-rm', ski: ALICE.ski });
  t.deepEqual(u.admins.map((a) => a.name), ['Bob']);
  t.is(u.counter, 3);
});

test('admin-add: the certificate must be signed by the key being installed', (t) => {
  const u = unit();
  const forged = { ...addAdminCommand(u, ALICE), publicKey: MALLORY.publicKey };
  refusedWith(t, u, forged, [], 'PROOF_OF_POSSESSION');
});

test('admin-add: the same key twice is refused 256/38; a ninth admin 261/39; a 31-character name', (t) => {
  let u = must(unit(), addAdminCommand(unit(), ALICE));
  refusedWith(t, u, addAdminCommand(u, ALICE), [], 'ADMIN_EXISTS', 256, 38);
  for (let i = 0; i < 7; i++) u = must(u, addAdminCommand(u, admin(`A${i}`)));
  t.is(u.admins.length, 8);
  refusedWith(t, u, addAdminCommand(u, admin('ninth')), [], 'TOO_MANY_ADMINS', 261, 39);
  const long = admin('x'.repeat(31));
  refusedWith(t, unit(), addAdminCommand(unit(), long), [], 'ADMIN_NAME_TOO_LONG');
});

test('leaving imprint mode needs the new signature threshold number of installed admins', (t) => {
  let u = unit();
  for (const a of [ALICE, BOB, CAROL]) u = must(u, addAdminCommand(u, a));
  const set = { kind: 'thrhld-set', signatureThreshold: 2, revocationThreshold: 2 } as const;
  refusedWith(t, u, set, [ALICE], 'TOO_FEW_SIGNATURES', 208);
  refusedWith(t, u, set, [ALICE, ALICE], 'TOO_FEW_SIGNATURES', 208);
  refusedWith(t, u, set, [ALICE, MALLORY], 'NOT_AN_ADMIN', 257);
  const done = must(u, set, [ALICE, BOB]);
  t.deepEqual([done.signatureThreshold, done.revocationThreshold], [2, 2]);
});

test('threshold values: 0, over the admins, and a zero revocation threshold are refused with 209 codes', (t) => {
  let u = unit();
  for (const a of [ALICE, BOB]) u = must(u, addAdminCommand(u, a));
  refusedWith(t, u, { kind: 'thrhld-set', signatureThreshold: 0, revocationThreshold: 1 }, [], 'SIGNATURE_THRESHOLD_ZERO', 209, 76);
  refusedWith(t, u, { kind: 'thrhld-set', signatureThreshold: 1, revocationThreshold: 0 }, [ALICE], 'REVOCATION_THRESHOLD_ZERO', 209, 36);
  refusedWith(t, u, { kind: 'thrhld-set', signatureThreshold: 3, revocationThreshold: 1 }, [ALICE, BOB], 'SIGNATURE_THRESHOLD_OVER_ADMINS', 209, 57);
  refusedWith(t, u, { kind: 'thrhld-set', signatureThreshold: 1, revocationThreshold: 3 }, [ALICE], 'REVOCATION_THRESHOLD_OVER_ADMINS', 209, 58);
  const s = secured(2, 2);
  refusedWith(t, s, { kind: 'thrhld-set', signatureThreshold: 2, revocationThreshold: 0 }, [ALICE, BOB], 'THRESHOLD_ZERO', 209, 77);
});

test('secured: admin-add needs the signature threshold, admin-rm the revocation threshold', (t) => {
  const u = secured(2, 3);
  const dave = admin('Dave');
  refusedWith(t, u, addAdminCommand(u, dave), [ALICE], 'TOO_FEW_SIGNATURES', 208);
  const added = must(u, addAdminCommand(u, dave), [ALICE, BOB]);
  t.is(added.admins.length, 4);
  refusedWith(t, added, { kind: 'admin-rm', ski: dave.ski }, [ALICE, BOB], 'TOO_FEW_SIGNATURES', 208);
  t.is(must(added, { kind: 'admin-rm', ski: dave.ski }, [ALICE, BOB, CAROL]).admins.length, 3);
});

test('admin-rm: unknown admin 32/32; removal below a threshold 209/66', (t) => {
  const u = secured(3, 3);
  refusedWith(t, u, { kind: 'admin-rm', ski: MALLORY.ski }, [ALICE, BOB, CAROL], 'ADMIN_NOT_FOUND', 32, 32);
  refusedWith(t, u, { kind: 'admin-rm', ski: CAROL.ski }, [ALICE, BOB, CAROL], 'REMOVE_BELOW_THRESHOLD', 209, 66);
});

test('signatures: altered command 192, replay 163, malformed 193, foreign key 257', (t) => {
  const u = secured(1, 1);
  const good = request(u, { kind: 'mk-clrnew' }, [ALICE]);
  const altered = { ...good, command: { kind: 'mk-clrcur' } as const };
  const a = applyRequest(u, altered);
  t.is(a.ok ? '' : a.refusal.code, 'INVALID_SIGNATURE');
  const first = applyRequest(u, good);
  t.true(first.ok);
  if (!first.ok) return;
  const replay = applyRequest(first.unit, good);
  t.is(replay.ok ? '' : replay.refusal.code, 'BAD_TRANSACTION_COUNTER');
  t.is(replay.ok ? 0 : replay.refusal.returnCode, 163);
  const malformed = { ...good, signatures: [{ ski: ALICE.ski, signature: 'zz' }] };
  const m = applyRequest(u, malformed);
  t.is(m.ok ? '' : m.refusal.code, 'MALFORMED_SIGNATURE');
  refusedWith(t, u, { kind: 'mk-clrnew' }, [MALLORY], 'NOT_AN_ADMIN', 257);
  const otherUnit = { ...u, id: 'another-unit' };
  const moved = applyRequest(otherUnit, { ...good, unitId: otherUnit.id });
  t.is(moved.ok ? '' : moved.refusal.code, 'INVALID_SIGNATURE');
});

test('an accepted command advances the transaction counter; a refused one does not', (t) => {
  const u = secured(1, 1);
  const ok = applyRequest(u, request(u, { kind: 'mk-clrnew' }, [ALICE]));
  t.is(ok.ok ? ok.unit.counter : -1, u.counter + 1);
  const bad = applyRequest(u, request(u, { kind: 'mk-clrnew' }, [MALLORY]));
  t.false(bad.ok);
});

test('zeroize: unsigned in imprint mode, one admin signature after; returns to imprint mode', (t) => {
  const u = secured(2, 2);
  refusedWith(t, u, { kind: 'zeroize' }, [], 'TOO_FEW_SIGNATURES', 208);
  refusedWith(t, u, { kind: 'zeroize' }, [MALLORY], 'NOT_AN_ADMIN', 257);
  const z = must(u, { kind: 'zeroize' }, [BOB]);
  t.deepEqual([z.admins.length, z.signatureThreshold, z.revocationThreshold], [0, 0, 0]);
  t.true(must(unit(), { kind: 'zeroize' }).admins.length === 0);
});

test('control points are set with the signature threshold, not in imprint mode', (t) => {
  refusedWith(t, unit(), { kind: 'cp-set', point: 'XCP_CPB_BTC' }, [], 'IMPRINT_MODE', 179);
  const u = { ...secured(2, 2), controlPoints: { XCP_CPB_ALG_EC_25519: true, XCP_CPB_BTC: false, XCP_CPB_ECDSA_OTHER: true } };
  refusedWith(t, u, { kind: 'cp-set', point: 'XCP_CPB_BTC' }, [ALICE], 'TOO_FEW_SIGNATURES', 208);
  t.true(must(u, { kind: 'cp-set', point: 'XCP_CPB_BTC' }, [ALICE, BOB]).controlPoints.XCP_CPB_BTC);
});
