/**
 * `$CLOUDTKEFILES/SIGNSERVKEYS`: the signature keys of a signing service that may sign commands
 * when TKE_SIGNSERV_URL is set (reference 1.4). A JSON array of `{"key": "...", "token": "..."}`;
 * the token is optional and is asked for when missing. Messages never quote a token.
 */
import { join } from 'node:path';
import { readJsonFileIfExists } from './directory.ts';
import { WorkstationError } from './errors.ts';
import { isRecord } from './file-fields.ts';

export const SIGNSERVKEYS_FILE = 'SIGNSERVKEYS';

/** A key identifier as the service's URL takes it: unreserved characters of RFC 3986 section 2.3. */
export const SERVICE_KEY_NAME = /^[A-Za-z0-9._~-]{1,64}$/;
/** A token travels in the HTTP Authorization header: printable ASCII, no line breaks. */
export const SERVICE_TOKEN = /^[\x21-\x7e][\x20-\x7e]{0,1023}$/;

export interface ServiceKeyRef {
  /** The key's identifier at the service (`:name` in its URLs). */
  readonly key: string;
  /** The token that authorizes its use, or null when it is to be asked for. */
  readonly token: string | null;
}

const KIND = 'SIGNSERVKEYS';

/** The file's reason is written by tkesim and never quotes the file (it may hold tokens). */
const invalid = (file: string, reason: string): WorkstationError =>
  new WorkstationError(`The file ${file} is not a valid SIGNSERVKEYS file (${reason}). It must be a JSON array such as [{"key":"first-key","token":"..."},{"key":"second-key"}].`, file);

function entry(value: unknown, index: number, file: string): ServiceKeyRef {
  if (!isRecord(value)) throw invalid(file, `entry ${index + 1} is not a JSON object`);
  const key = Object.hasOwn(value, 'key') ? value.key : undefined;
  if (typeof key !== 'string' || !SERVICE_KEY_NAME.test(key)) {
    throw invalid(file, `entry ${index + 1}: "key" is missing or not 1 to 64 letters, digits or the characters - . _ ~`);
  }
  const token = Object.hasOwn(value, 'token') ? value.token : undefined;
  if (token === undefined || token === null) return { key, token: null };
  if (typeof token !== 'string' || !SERVICE_TOKEN.test(token)) {
    throw invalid(file, `entry ${index + 1} (${key}): "token" is not a string of printable characters (at most 1024)`);
  }
  return { key, token };
}

/** The keys listed in SIGNSERVKEYS, in file order. A missing, empty or damaged file is a WorkstationError. */
export async function readSignServKeys(dir: string): Promise<ServiceKeyRef[]> {
  const file = join(dir, SIGNSERVKEYS_FILE);
  const json = await readJsonFileIfExists(file, KIND);
  if (json === undefined) {
    throw new WorkstationError(
      `TKE_SIGNSERV_URL is set, so signature keys come from the signing service, but ${file} does not exist. Create it with the keys that may sign, for example: [{"key":"first-key"},{"key":"second-key"}]`,
      file,
    );
  }
  if (!Array.isArray(json)) throw invalid(file, 'not a JSON array');
  const refs = json.map((v: unknown, i) => entry(v, i, file));
  if (refs.length === 0) throw invalid(file, 'it lists no signature key');
  const seen = new Set<string>();
  for (const r of refs) {
    if (seen.has(r.key)) throw invalid(file, `the key ${r.key} is listed twice`);
    seen.add(r.key);
  }
  return refs;
}
