import test from 'ava';
import { importCommand } from '../../src/core/transfer.ts';
import { applyRequest, registerVp } from '../../src/core/unit.ts';
import { ALICE, BOB, request, world } from '../helpers/core.ts';
import { initializedWorld, secure, send, unitAt } from '../helpers/recovery.ts';

const recoveryUnit = () => secure(unitAt(world('transfer'), 2));
const operationalUnit = () => secure(unitAt(world('transfer'), 0));

test('a random master key is generated only in a secured recovery unit: 179 in imprint mode, 80/52 in an operational unit', (t) => {
  const imprint = send(unitAt(world('transfer'), 2), { kind: 'mk-random' }, []);
  t.is(imprint.ok ? 0 : imprint.refusal.returnCode, 179);
  const op = send(operationalUnit(), { kind: 'mk-random' }, [ALICE]);
  t.deepEqual(op.ok ? null : [op.refusal.returnCode, op.refusal.reasonCode], [80, 52]);
});

test('mk-random fills the current register when it is Empty, then the new one, then refuses', (t) => {
  const first = send(recoveryUnit(), { kind: 'mk-random' }, [ALICE]);
  if (!first.ok) return t.fail(first.refusal.code);
  t.is(first.unit.currentRegister.state, 'Valid');
  t.is(first.unit.newRegister.state, 'Empty');
  const second = send(first.unit, { kind: 'mk-random' }, [ALICE], 'other');
  if (!second.ok) return t.fail(second.refusal.code);
  t.is(second.unit.newRegister.state, 'Full Uncommitted');
  t.not(second.unit.newRegister.key, second.unit.currentRegister.key);
  const third = send(second.unit, { kind: 'mk-random' }, [ALICE]);
  t.is(third.ok ? '' : third.refusal.code, 'REGISTERS_FULL');
});

test('a transfer: the value exported sealed to the target importer key arrives in its new register with the same verification pattern', (t) => {
  const w = initializedWorld();
  const source = unitAt(w, 2);
  const target = secure(unitAt(world('fresh-target'), 0));
  const exported = send(source, { kind: 'mk-export', register: 'current', recipient: target.importer.publicKey }, [ALICE, BOB]);
  if (!exported.ok || exported.output?.kind !== 'exported') return t.fail('export refused');
  t.is(exported.unit.counter, source.counter + 1);
  t.deepEqual(exported.unit.currentRegister, source.currentRegister, 'export leaves the source as it was');
  const sealed = exported.output.sealed;
  t.false(JSON.stringify(sealed).includes(source.currentRegister.key ?? '?'), 'the value travels sealed');
  const loaded = applyRequest(target, request(target, importCommand(sealed), [ALICE]));
  if (!loaded.ok) return t.fail(loaded.refusal.code);
  t.is(registerVp(loaded.unit.newRegister.key), registerVp(source.currentRegister.key));
});

test('a value sealed to one unit cannot be imported by another', (t) => {
  const w = initializedWorld();
  const intended = secure(unitAt(world('a'), 0));
  const other = secure(unitAt(world('b'), 0));
  const exported = send(unitAt(w, 2), { kind: 'mk-export', register: 'current', recipient: intended.importer.publicKey }, [ALICE, BOB]);
  if (!exported.ok || exported.output?.kind !== 'exported') return t.fail('export refused');
  const wrong = applyRequest(other, request(other, importCommand(exported.output.sealed), [ALICE]));
  t.is(wrong.ok ? '' : wrong.refusal.code, 'IMPORT_FAILED');
});

test('export: 80/131 from an operational unit, 208 with one signature at threshold 2, empty registers and bad importer keys refused', (t) => {
  const w = initializedWorld();
  const recipient = unitAt(w, 1).importer.publicKey;
  const op = send(unitAt(w, 0), { kind: 'mk-export', register: 'current', recipient }, [ALICE, BOB]);
  t.deepEqual(op.ok ? null : [op.refusal.returnCode, op.refusal.reasonCode], [80, 131]);
  const few = send(unitAt(w, 2), { kind: 'mk-export', register: 'current', recipient }, [ALICE]);
  t.is(few.ok ? 0 : few.refusal.returnCode, 208);
  const emptyNew = send(unitAt(w, 2), { kind: 'mk-export', register: 'new', recipient }, [ALICE, BOB]);
  t.is(emptyNew.ok ? '' : emptyNew.refusal.code, 'NEW_REGISTER_EMPTY');
  const emptyCurrent = send(recoveryUnit(), { kind: 'mk-export', register: 'current', recipient }, [ALICE, BOB]);
  t.is(emptyCurrent.ok ? '' : emptyCurrent.refusal.code, 'CURRENT_REGISTER_EMPTY');
  const bad = send(unitAt(w, 2), { kind: 'mk-export', register: 'current', recipient: 'zz' }, [ALICE, BOB]);
  t.is(bad.ok ? '' : bad.refusal.code, 'INVALID_IMPORTER_KEY');
});

test('commands that make a value inside the unit need entropy: without it that is a bug, thrown', (t) => {
  const u = recoveryUnit();
  t.throws(() => applyRequest(u, request(u, { kind: 'mk-random' }, [ALICE])), { message: /needs entropy/ });
});
