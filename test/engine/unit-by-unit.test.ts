/**
 * The engine's unit-by-unit rule (reference 8.3) below the commands: `decide` stops at the first
 * refusal and keeps what the units before it accepted; a batch (auto commands, rotation) keeps the
 * steps accepted before a refusal and writes them, and writes nothing when no unit changed.
 */
import test from 'ava';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminCertificatePayload } from '../../src/core/command.ts';
import { sign, toHex } from '../../src/core/crypto.ts';
import type { CryptoUnit } from '../../src/core/types.ts';
import { runBatch } from '../../src/engine/batch.ts';
import { createContext, type CommandContext } from '../../src/engine/context.ts';
import { decide, signersFor, type Signer } from '../../src/engine/signing.ts';
import { WorldStore } from '../../src/store/store.ts';
import { ALICE, BOB, addAdminCommand, request, world } from '../helpers/core.ts';

function context(): CommandContext {
  const home = mkdtempSync(join(tmpdir(), 'tkesim-engine-'));
  return createContext({ print: () => undefined, ask: async () => null }, { TKESIM_HOME: home }, { home, tkeFiles: join(home, 'tkefiles') });
}

const units = (w: { readonly units: readonly CryptoUnit[] }): [CryptoUnit, CryptoUnit, CryptoUnit] => {
  const [a, b, c] = w.units;
  if (!a || !b || !c) throw new Error('three units expected');
  return [a, b, c];
};

test('decide: units before the refusing one keep the change; the refusing one and those after it do not', (t) => {
  const w = world('decide');
  const [u1, u2, u3] = units(w);
  const stale = { ...u2, counter: u2.counter + 5 };
  const result = decide(w, [request(u1, addAdminCommand(u1, ALICE)), request(stale, addAdminCommand(stale, ALICE)), request(u3, addAdminCommand(u3, ALICE))]);
  if (result.ok) return t.fail('unit 2 must refuse');
  t.is(result.refusal.code, 'BAD_TRANSACTION_COUNTER');
  t.is(result.refusal.unit, 2);
  t.deepEqual(result.kept, [u1.id]);
  t.deepEqual(result.untouched, [u2.id, u3.id]);
  const [k1, k2, k3] = units(result.world);
  t.deepEqual(k1.admins.map((a) => a.name), ['Alice']);
  t.is(k2, u2);
  t.is(k3, u3, 'unit 3 never received its request');
});

test('signersFor: a unit gets signatures only from its own installed admins, as many as it needs', (t) => {
  const w = world('signers');
  const [u1] = units(w);
  const withAlice = { ...u1, admins: [{ name: 'Alice', ski: ALICE.ski, publicKey: ALICE.publicKey }] };
  const signer = (a: typeof ALICE): Signer => ({ source: 'file', name: a.name, ski: a.ski, publicKey: a.publicKey, sign: async (p) => sign(p, a.key.secretKey), forget: () => undefined });
  const both = [signer(BOB), signer(ALICE)];
  t.deepEqual(signersFor(withAlice, { kind: 'thrhld-set', signatureThreshold: 1, revocationThreshold: 1 }, both).map((s) => s.name), ['Alice']);
  t.deepEqual(signersFor(withAlice, { kind: 'admin-rm', ski: ALICE.ski }, both), [], 'no signature in imprint mode');
});

test('runBatch: a refusal keeps and writes the steps accepted before it; a refusal with no change writes nothing', async (t) => {
  const ctx = context();
  const start = await ctx.world();
  const [u1, u2] = units(start);
  const addAlice = (u: CryptoUnit, counter: number) => ({
    kind: 'admin-add' as const, name: ALICE.name, publicKey: ALICE.publicKey,
    proof: toHex(sign(adminCertificatePayload(ALICE.name, ALICE.publicKey, u.id, counter), ALICE.key.secretKey)),
  });
  const first = await runBatch(ctx, [u2], [], async (batch) => ((await batch.sendAll([u2], addAlice)) ? { kind: 'refused', refusal: { code: 'IMPRINT_MODE', returnCode: 179, reasonCode: null, message: '', advice: '' } } : { kind: 'done', result: null }));
  t.is(first.end.kind, 'done');

  const store = new WorldStore(ctx.paths.home);
  const revision = (await store.read())?.revision;
  // The batch starts from the units as approved now (unit 2's transaction counter has moved on).
  const [a1, a2] = units(await ctx.world());
  const run = await runBatch(ctx, [a1, a2], [], async (batch) => {
    const refusal = await batch.sendAll([a1, a2], addAlice);
    return refusal ? { kind: 'refused', refusal } : { kind: 'done', result: null };
  });
  t.is(run.end.kind, 'refused');
  if (run.end.kind === 'refused') t.is(run.end.refusal.code, 'ADMIN_EXISTS');
  t.deepEqual(run.kept, [u1.id]);
  t.deepEqual(run.untouched, [u2.id]);
  const [s1, s2] = units(await ctx.world());
  t.deepEqual(s1.admins.map((a) => a.name), ['Alice'], 'unit 1 keeps its administrator in the store');
  t.is(s2.admins.length, 1);
  t.is((await store.read())?.revision, (revision ?? 0) + 1);

  const none = await runBatch(ctx, [a2], [], async (batch) => {
    const refusal = await batch.sendAll([a2], addAlice);
    return refusal ? { kind: 'refused', refusal } : { kind: 'done', result: null };
  });
  t.is(none.end.kind, 'refused');
  t.deepEqual(none.kept, []);
  t.is((await store.read())?.revision, (revision ?? 0) + 1, 'nothing was written');
});
