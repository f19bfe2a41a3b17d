/** The store document: schema version, revision, and the world. Parsing never trusts the file. */
import type { World } from '../core/types.ts';

export const SCHEMA_VERSION = 1;

export interface StoreDocument {
  readonly schema: number;
  readonly revision: number;
  readonly world: World;
}

export class StoreError extends Error {
  constructor(message: string, readonly file: string) {
    super(message);
  }
}

type Check = (v: unknown) => boolean;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => typeof v === 'string';
const int: Check = (v) => Number.isInteger(v);
const strOrNull: Check = (v) => v === null || typeof v === 'string';
const shape = (fields: Record<string, Check>): Check => (v) => isObj(v) && Object.entries(fields).every(([k, c]) => c(v[k]));
const arrayOf = (c: Check): Check => (v) => Array.isArray(v) && v.every(c);
const optional = (c: Check): Check => (v) => v === undefined || c(v);
const bool: Check = (v) => typeof v === 'boolean';
const oneOfOrNull = (values: readonly string[]): Check => (v) => v === null || (typeof v === 'string' && values.includes(v));

const hex64: Check = (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
const between = (lo: number, hi: number): Check => (v) => int(v) && (v as number) >= lo && (v as number) <= hi;
const oneOf = (values: readonly string[]): Check => (v) => typeof v === 'string' && values.includes(v);
/** A register: Empty holds no key, any other state a 32-byte key. */
const register = (states: readonly string[]): Check => (v) =>
  shape({ state: oneOf(states) })(v) && isObj(v) && (v.state === 'Empty' ? v.key === null : hex64(v.key));
/** Key storage: `total` sealed records of 48 bytes, base64. */
const keyStorage: Check = (v) =>
  shape({ total: between(0, 1_000_000), sealed: str })(v) && isObj(v) &&
  /^[A-Za-z0-9+/]*={0,2}$/.test(v.sealed as string) && Buffer.byteLength(v.sealed as string, 'base64') === (v.total as number) * 48;
const unit = shape({
  id: str, instanceId: str, type: oneOf(['OPERATIONAL', 'RECOVERY', 'FAILOVER']), location: str,
  admins: arrayOf(shape({ name: str, ski: hex64, publicKey: hex64 })),
  signatureThreshold: between(0, 8), revocationThreshold: between(0, 8),
  newRegister: register(['Empty', 'Full Uncommitted', 'Full Committed']), currentRegister: register(['Empty', 'Valid']),
  controlPoints: isObj, counter: between(0, Number.MAX_SAFE_INTEGER),
  importer: shape({ publicKey: hex64, secretKey: hex64 }),
  keyStorage,
  /** Absent in documents written before it existed: both bits set. */
  thresholdControlBits: optional(shape({ signature: bool, revocation: bool })),
});
const world = shape({
  shape: shape({ instances: int, units: int, recovery: int, failover: int, region: str }),
  region: str, account: shape({ name: str, id: str }), user: str, resourceGroup: str,
  seed: strOrNull, draws: int,
  instances: arrayOf(shape({ id: str, name: str, region: str })),
  units: arrayOf(unit),
  /** Drill state (sim fault); absent in documents written before it existed. */
  faults: optional(shape({ loginExpired: bool, interruption: oneOfOrNull(['before-rewrap', 'after-rewrap']), managerRoleMissing: optional(bool) })),
});

/** Older schemas are migrated here, one step at a time. Schema 1 is the first. */
function migrate(doc: Record<string, unknown>): Record<string, unknown> {
  return doc;
}

export function parseDocument(text: string, file: string): StoreDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // The parser's own message is not shown: it quotes the text, and the document holds the units' keys.
    const why = text.trim() === '' ? 'the file is empty' : 'it is not valid JSON, perhaps cut short';
    throw new StoreError(`The simulated cloud in ${file} is damaged and cannot be read (${why}). It was left unchanged: move it aside to start a new world, or restore it from a backup.`, file);
  }
  if (!isObj(raw) || !int(raw.schema) || (raw.schema as number) < 1) {
    throw new StoreError(`${file} is not a tkesim store document (no schema version). It was left unchanged.`, file);
  }
  const schema = raw.schema as number;
  if (schema > SCHEMA_VERSION) {
    throw new StoreError(`${file} was written by a newer tkesim (schema ${schema}); this tkesim reads schema ${SCHEMA_VERSION} and older. Upgrade tkesim. The file was left unchanged.`, file);
  }
  const doc = migrate(raw);
  if (!between(0, Number.MAX_SAFE_INTEGER)(doc.revision) || !world(doc.world)) {
    throw new StoreError(`The simulated cloud in ${file} is damaged: its content does not have the expected shape. It was left unchanged: move it aside to start a new world.`, file);
  }
  return { schema: SCHEMA_VERSION, revision: doc.revision as number, world: doc.world as World };
}

export function stringifyDocument(doc: StoreDocument): string {
  return `${JSON.stringify(doc)}\n`;
}
