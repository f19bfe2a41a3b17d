/**
 * The signing service (TKE_SIGNSERV_URL, reference 1.4 and 8.3): keys held by a service on
 * 127.0.0.1, listed in $CLOUDTKEFILES/SIGNSERVKEYS, installed with cryptounit-admin-add and signing
 * through POST /sign/:name. The test starts the service itself on a free loopback port.
 */
import test, { type ExecutionContext } from 'ava';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addServiceKeys, type ServiceKey } from '../../src/signserv/key-store.ts';
import { startSigningService, type ServiceEvent, type SigningService } from '../../src/signserv/server.ts';
import { BIN, ensureBuilt, newHome, snapshot, tkesim, type Home, type Run } from '../helpers/cli.ts';
import { step } from '../helpers/ceremony.ts';
import { copyHome } from '../helpers/auto-ceremony.ts';

const random = (n: number) => new Uint8Array(randomBytes(n));
const state: { keys: ServiceKey[]; service: SigningService | null; secured: Home | null; events: ServiceEvent[] } = { keys: [], service: null, secured: null, events: [] };

function key(name: string): ServiceKey {
  const k = state.keys.find((x) => x.name === name);
  if (!k) throw new Error(`no key ${name}`);
  return k;
}
const url = (): string => state.service?.url ?? '';
const env = (): NodeJS.ProcessEnv => ({ TKE_SIGNSERV_URL: url() });
const tokens = (): string[] => state.keys.map((k) => k.token);

function writeSignServKeys(home: Home, entries: readonly { key: string; token?: string }[]): void {
  writeFileSync(join(home.dir, 'tkefiles', 'SIGNSERVKEYS'), JSON.stringify(entries), { mode: 0o600 });
}

/** A command through the service: its run, and no token anywhere in its output. */
async function run(t: ExecutionContext, home: Home, args: string[], answers: string[] = [], extra: NodeJS.ProcessEnv = env()): Promise<Run> {
  const r = await tkesim(home, args, answers, extra);
  for (const token of tokens()) t.false(`${r.out}${r.err}`.includes(token), `${args.join(' ')} printed a token`);
  return r;
}

async function ok(t: ExecutionContext, home: Home, args: string[], answers: string[] = []): Promise<string> {
  const r = await run(t, home, args, answers);
  t.is(r.code, 0, `${args.join(' ')}\n${r.out}${r.err}`);
  return r.out;
}

/** A command that must fail with `message`, leaving the world and the selection as they were. */
async function failsUnchanged(t: ExecutionContext, home: Home, args: string[], answers: string[], message: RegExp, extra: NodeJS.ProcessEnv = env()): Promise<void> {
  const before = snapshot(home);
  const r = await run(t, home, args, answers, extra);
  t.is(r.code, 1, r.out + r.err);
  t.regex(r.out, /^FAILED$/m);
  t.regex(r.out, message);
  t.is(r.err, '', 'no stack trace');
  t.is(snapshot(home), before, 'nothing changed');
}

/** Units 1 and 2 selected, alice and bob (tokens in SIGNSERVKEYS) installed as administrators. */
async function withServiceAdmins(t: ExecutionContext, seed: string): Promise<Home> {
  const home = newHome();
  await step(t, home, ['sim', 'init', '--yes', '--seed', seed]);
  await step(t, home, ['cryptounit-add', '1', '2']);
  await ok(t, home, ['cryptounit-admin-add', 'alice'], [key('alice').token]);
  await ok(t, home, ['cryptounit-admin-add', 'bob'], [key('bob').token]);
  return home;
}

test.before(async (t) => {
  await ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-signserv-'));
  state.keys = await addServiceKeys(dir, ['alice', 'bob', 'carol'], random);
  t.is(statSync(join(dir, 'keys.json')).mode & 0o777, 0o600, 'the service keeps its keys readable by its owner only');
  state.service = await startSigningService(state.keys, 0, (e) => state.events.push(e));
  t.regex(url(), /^http:\/\/127\.0\.0\.1:\d+$/);
  const home = await withServiceAdmins(t, 'signserv-secured');
  writeSignServKeys(home, [{ key: 'alice', token: key('alice').token }, { key: 'bob', token: key('bob').token }]);
  await ok(t, home, ['cryptounit-thrhld-set', '2', '2']);
  state.secured = home;
});

test.after.always(async () => {
  await state.service?.close();
});

const secured = (): Home => {
  if (!state.secured) throw new Error('not prepared');
  return copyHome(state.secured);
};

test('good path: the sigkey commands do nothing; admins installed from the service; thresholds signed through the service', async (t) => {
  const home = newHome();
  await step(t, home, ['sim', 'init', '--yes', '--seed', 'signserv-good']);
  await step(t, home, ['cryptounit-add', '1', '2']);
  for (const args of [['sigkeys'], ['sigkey-add'], ['sigkey-rm', '1'], ['sigkey-sel', '1']]) {
    t.regex(await ok(t, home, args, ['Somebody', 'pw', 'pw']), new RegExp(`TKE_SIGNSERV_URL is set, so ${args[0]} does nothing`));
  }
  t.deepEqual(readdirSync(join(home.dir, 'tkefiles')).filter((f) => f.endsWith('.sigkey')), [], 'sigkey-add created no file');

  const added = await ok(t, home, ['cryptounit-admin-add'], ['carol', key('carol').token]);
  t.regex(added, /Enter the signature key identifier[\s\S]*Enter the token for the signature key carol:/);
  await ok(t, home, ['cryptounit-admin-add', 'bob'], [key('bob').token]);
  await ok(t, home, ['cryptounit-admin-add', 'alice'], [key('alice').token]);
  // alice's token is in the file; bob's is asked for, as a secret; carol is installed but not listed, so never used.
  writeSignServKeys(home, [{ key: 'alice', token: key('alice').token }, { key: 'bob' }]);
  const signedBefore = state.events.filter((e) => e.method === 'POST' && e.status === 200).length;
  const out = await ok(t, home, ['cryptounit-thrhld-set', '2', '2'], [key('bob').token]);
  t.regex(out, /Enter the token for the signature key identified by:\nbob \(/);
  t.notRegex(out, /identified by:\nalice/, 'a token in SIGNSERVKEYS is not asked for');
  t.true(state.events.filter((e) => e.method === 'POST' && e.status === 200).length >= signedBefore + 4, 'two signatures for each of the two units came from the service');

  t.regex(await step(t, home, ['cryptounit-thrhlds']), /^1\s+2\s+2\s*$[\s\S]*^2\s+2\s+2\s*$/m);
  const compare = await step(t, home, ['cryptounit-compare']);
  t.regex(compare, /==> All crypto units are configured the same\. <==/);
  t.regex(compare, /^1\s+carol[\s\S]*bob[\s\S]*alice/m);
  // A signed command later on: clear the new register, signed by one admin through the service.
  t.regex(await ok(t, home, ['cryptounit-mk-clrnew'], [key('bob').token]), /OK/);
});

test('a wrong token fails with a clear message and changes nothing: in SIGNSERVKEYS, typed, or for admin-add', async (t) => {
  const home = secured();
  writeSignServKeys(home, [{ key: 'alice', token: key('bob').token }]);
  await failsUnchanged(t, home, ['cryptounit-mk-clrnew'], [], /refused the token for the signature key alice \(HTTP 401\)[\s\S]*Nothing was sent to the crypto units/);
  writeSignServKeys(home, [{ key: 'bob' }]);
  await failsUnchanged(t, home, ['cryptounit-mk-clrnew'], ['not-the-token'], /refused the token for the signature key bob/);
  await failsUnchanged(t, home, ['cryptounit-admin-add', 'carol'], [key('alice').token], /refused the token for the signature key carol/);
});

test('an unknown key fails with a clear message and changes nothing', async (t) => {
  const home = secured();
  writeSignServKeys(home, [{ key: 'nosuch', token: 'some-token' }, { key: 'alice', token: key('alice').token }]);
  await failsUnchanged(t, home, ['cryptounit-mk-clrnew'], [], /has no signature key named nosuch \(HTTP 404\)/);
  await failsUnchanged(t, home, ['cryptounit-admin-add', 'mallory'], ['any-token'], /has no signature key named mallory/);
});

test('a stopped service fails with a clear message and changes nothing; only a service on 127.0.0.1 is used', async (t) => {
  const home = secured();
  const stopped = await startSigningService(state.keys, 0);
  await stopped.close();
  const at = { TKE_SIGNSERV_URL: stopped.url };
  await failsUnchanged(t, home, ['cryptounit-mk-clrnew'], [], /signing service at http:\/\/127\.0\.0\.1:\d+ cannot be reached \(connection refused/, at);
  await failsUnchanged(t, home, ['cryptounit-admin-add', 'carol'], [key('carol').token], /cannot be reached/, at);
  await failsUnchanged(t, home, ['cryptounit-mk-clrnew'], [], /signing service on this machine only/, { TKE_SIGNSERV_URL: 'http://example.com:8700' });
});

test('tkesim sim signserv: creates keys on first start, prints the URL and where the tokens are but no token, serves, stops on SIGINT', async (t) => {
  const home = newHome();
  const child = spawn(process.execPath, [BIN, 'sim', 'signserv', '--port', '0'], { env: home.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1] && out.includes('Press Ctrl-C')) resolve(m[1]);
    });
    child.on('close', () => reject(new Error(`signserv ended early:\n${out}`)));
  });
  const served = await listening;
  const file = join(home.dir, 'signserv', 'SIGNSERVKEYS');
  t.is(statSync(file).mode & 0o777, 0o600);
  const listed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  t.true(Array.isArray(listed) && listed.length === 3);
  const secrets = JSON.stringify(listed).match(/"token":"[^"]+"/g) ?? [];
  t.is(secrets.length, 3);
  const answer = await fetch(`${served}/keys/admin-1`);
  t.is(answer.status, 200);
  const ended = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  child.kill('SIGINT');
  t.is(await ended, 0);
  t.regex(out, /Signature keys: admin-1, admin-2, admin-3/);
  t.regex(out, /export TKE_SIGNSERV_URL=http:\/\/127\.0\.0\.1:\d+/);
  t.regex(out, /\[\{"key":"admin-1"\},\{"key":"admin-2"\},\{"key":"admin-3"\}\]/);
  for (const s of secrets) t.false(out.includes(s.slice(9, -1)), 'no token is printed');
});
