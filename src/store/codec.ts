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

const register = shape({ state: str, key: strOrNull });
const unit = shape({
  id: str, instanceId: str, type: str, location: str,
  admins: arrayOf(shape({ name: str, ski: str, publicKey: str })),
  signatureThreshold: int, revocationThreshold: int,
  newRegister: register, currentRegister: register,
  controlPoints: isObj, counter: int,
  importer: shape({ publicKey: str, secretKey: str }),
  keyStorage: shape({ total: int, sealed: str }),
});
const world = shape({
  shape: shape({ instances: int, units: int, recovery: int, failover: int, region: str }),
  region: str, account: shape({ name: str, id: str }), user: str, resourceGroup: str,
  seed: strOrNull, draws: int,
  instances: arrayOf(shape({ id: str, name: str, region: str })),
  units: arrayOf(unit),
});

/** Older schemas are migrated here, one step at a time. Schema 1 is the first. */
function migrate(doc: Record<string, unknown>): Record<string, unknown> {
  return doc;
}

export function parseDocument(text: string, file: string): StoreDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new StoreError(`The simulated cloud in ${file} is damaged and cannot be read (${(e as Error).message}). It was left unchanged: move it aside to start a new world, or restore it from a backup.`, file);
  }
  if (!isObj(raw) || !int(raw.schema)) {
    throw new StoreError(`${file} is not a tkesim store document (no schema version). It was left unchanged.`, file);
  }
  const schema = raw.schema as number;
  if (schema > SCHEMA_VERSION) {
    throw new StoreError(`${file} was written by a newer tkesim (schema ${schema}); this tkesim reads schema ${SCHEMA_VERSION} and older. Upgrade tkesim. The file was left unchanged.`, file);
  }
  const doc = migrate(raw);
  if (!int(doc.revision) || !world(doc.world)) {
    throw new StoreError(`The simulated cloud in ${file} is damaged: its content does not have the expected shape. It was left unchanged: move it aside to start a new world.`, file);
  }
  return { schema: SCHEMA_VERSION, revision: doc.revision as number, world: doc.world as World };
}

export function stringifyDocument(doc: StoreDocument): string {
  return `${JSON.stringify(doc)}\n`;
}
