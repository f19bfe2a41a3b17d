/**
 * Reading the fields of a workstation JSON file. Every problem becomes a WorkstationError naming
 * the file; messages say which field is wrong but never quote its content.
 */
import { damagedFile } from './errors.ts';
import { parseSealedSecret, type SealedSecret } from './sealed-secret.ts';

export type JsonRecord = Readonly<Record<string, unknown>>;

/** Which file is being read, for the messages. */
export interface FileContext {
  /** How messages name the kind of file: "signature key", "master key part", "selection". */
  readonly kind: string;
  readonly file: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(record: JsonRecord, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/** Checks that `json` is an object with the expected `format` and `version`; returns it. */
export function readHeader(json: unknown, ctx: FileContext, format: string, version: number): JsonRecord {
  if (!isRecord(json)) throw damagedFile(ctx.kind, ctx.file, 'not a JSON object');
  if (own(json, 'format') !== format) throw damagedFile(ctx.kind, ctx.file, `format is not ${format}`);
  const found = own(json, 'version');
  if (found !== version) {
    const reason = typeof found === 'number' && Number.isInteger(found)
      ? `unsupported version ${found}; this tkesim reads version ${version}`
      : 'version is missing';
    throw damagedFile(ctx.kind, ctx.file, reason);
  }
  return json;
}

export function stringField(record: JsonRecord, name: string, ctx: FileContext): string {
  const value = own(record, name);
  if (typeof value !== 'string') throw damagedFile(ctx.kind, ctx.file, `${name} is missing or not a string`);
  return value;
}

/** A 32-byte value as 64 lower-case hex digits (an SKI, a public key, a verification pattern). */
export function hex64Field(record: JsonRecord, name: string, ctx: FileContext): string {
  const value = own(record, name);
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) {
    throw damagedFile(ctx.kind, ctx.file, `${name} is not 64 lower-case hex digits`);
  }
  return value;
}

export function sealedField(record: JsonRecord, name: string, ctx: FileContext): SealedSecret {
  try {
    return parseSealedSecret(own(record, name));
  } catch (e) {
    throw damagedFile(ctx.kind, ctx.file, `${name}: ${e instanceof Error ? e.message : 'invalid'}`);
  }
}

/** A list of strings, each passing `ok`. */
export function stringListField(record: JsonRecord, name: string, ctx: FileContext, ok: (s: string) => boolean): string[] {
  const value = own(record, name);
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string' && ok(item))) {
    throw damagedFile(ctx.kind, ctx.file, `${name} is not a list of valid entries`);
  }
  return value;
}
