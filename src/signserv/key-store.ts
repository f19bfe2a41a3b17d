/**
 * The keys of tkesim's signing service: named Ed25519 keys, each with its own token, kept in the
 * service's directory under TKESIM_HOME (`signserv/keys.json`, mode 0600, directory 0700). The
 * service is a stand-in for a third-party signing service: it holds the private keys itself, as
 * such a service would, and the workstation never sees them.
 */
import { join } from 'node:path';
import { fromHex, signingKeyFromSeed, subjectKeyIdentifier, toHex, type SigningKeyPair } from '../core/crypto.ts';
import { withLock } from '../store/lock.ts';
import { ensurePrivateDir } from '../store/private-file.ts';
import { readJsonFileIfExists, writeFileAtomic } from '../workstation/directory.ts';
import { WorkstationError } from '../workstation/errors.ts';
import { isRecord } from '../workstation/file-fields.ts';
import { SERVICE_KEY_NAME, SIGNSERVKEYS_FILE } from '../workstation/index.ts';

const FORMAT = 'tkesim-signing-service-keys';
const VERSION = 1;
export const KEYS_FILE = 'keys.json';
export const DEFAULT_KEY_NAMES = ['admin-1', 'admin-2', 'admin-3'] as const;

export interface ServiceKey {
  /** The key's identifier: `:name` in the service's URLs, and the administrator name it is installed under. */
  readonly name: string;
  /** The token that authorizes its use (Authorization header). A secret: never printed. */
  readonly token: string;
  readonly pair: SigningKeyPair;
  readonly ski: string;
}

export const serviceDir = (home: string): string => join(home, 'signserv');

const damaged = (file: string, reason: string): WorkstationError =>
  new WorkstationError(`The signing service's key file ${file} is damaged (${reason}). Move it away to start with new keys.`, file);

function parseKey(value: unknown, file: string): ServiceKey {
  if (!isRecord(value)) throw damaged(file, 'a key is not a JSON object');
  const { name, seed, token } = value;
  if (typeof name !== 'string' || !SERVICE_KEY_NAME.test(name)) throw damaged(file, 'a key name is not valid');
  if (typeof seed !== 'string' || !/^[0-9a-f]{64}$/.test(seed)) throw damaged(file, `the key ${name} has no valid seed`);
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{32,}$/.test(token)) throw damaged(file, `the key ${name} has no valid token`);
  const pair = signingKeyFromSeed(fromHex(seed));
  return { name, token, pair, ski: subjectKeyIdentifier(pair.publicKey) };
}

/** The service's keys, in the order they were created; none when the directory holds no key file yet. */
export async function loadServiceKeys(dir: string): Promise<ServiceKey[]> {
  const file = join(dir, KEYS_FILE);
  const json = await readJsonFileIfExists(file, "signing service's key");
  if (json === undefined) return [];
  if (!isRecord(json) || json.format !== FORMAT || json.version !== VERSION || !Array.isArray(json.keys)) throw damaged(file, `not a ${FORMAT} file of version ${VERSION}`);
  return json.keys.map((k: unknown) => parseKey(k, file));
}

async function save(dir: string, keys: readonly ServiceKey[]): Promise<void> {
  const content = { format: FORMAT, version: VERSION, keys: keys.map((k) => ({ name: k.name, seed: toHex(k.pair.secretKey.subarray(0, 32)), token: k.token })) };
  await writeFileAtomic(join(dir, KEYS_FILE), `${JSON.stringify(content, null, 2)}\n`, 0o600);
  // A SIGNSERVKEYS file for the workstation, tokens included (mode 0600): copy it into CLOUDTKEFILES.
  await writeFileAtomic(join(dir, SIGNSERVKEYS_FILE), `${JSON.stringify(keys.map((k) => ({ key: k.name, token: k.token })))}\n`, 0o600);
}

/** Creates keys named `names` (a name already present is refused) and saves them with the others. */
export async function addServiceKeys(dir: string, names: readonly string[], random: (n: number) => Uint8Array): Promise<ServiceKey[]> {
  ensurePrivateDir(dir);
  return withLock(join(dir, 'keys.lock'), async () => {
    const keys = await loadServiceKeys(dir);
    const added: ServiceKey[] = [];
    for (const name of names) {
      if (!SERVICE_KEY_NAME.test(name) || name.length > 30) throw new WorkstationError(`A signature key name is 1 to 30 letters, digits or the characters - . _ ~; "${name.slice(0, 40)}" is not.`, null);
      if ([...keys, ...added].some((k) => k.name === name)) throw new WorkstationError(`The signing service already holds a signature key named ${name}.`, null);
      const pair = signingKeyFromSeed(random(32));
      added.push({ name, token: Buffer.from(random(24)).toString('base64url'), pair, ski: subjectKeyIdentifier(pair.publicKey) });
    }
    await save(dir, [...keys, ...added]);
    return added;
  });
}
