/**
 * The digest of a session's state after a command: SHA-256 of a canonical encoding of the world,
 * the selection and the workstation's key numbers. Equal states give equal digests, byte for byte,
 * whatever the order in which object keys were written.
 */
import { createHash } from 'node:crypto';
import type { World } from '../core/types.ts';

export interface DigestInput {
  readonly world: World;
  readonly selection: { readonly units: readonly string[]; readonly signatureKeyNames: readonly string[] };
  readonly keynums: { readonly signatureKeys: readonly number[]; readonly keyParts: readonly number[] };
}

/** JSON with object keys sorted, so that equal values encode equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function stateDigest(input: DigestInput): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

/** What a digest needs, from anything that can tell it (a shell engine, a replay's world). */
export interface DigestSource {
  world(): Promise<World>;
  selection(): Promise<DigestInput['selection']>;
  keynums(): Promise<DigestInput['keynums']>;
}

export async function digestOf(source: DigestSource): Promise<string> {
  const [world, selection, keynums] = await Promise.all([source.world(), source.selection(), source.keynums()]);
  return stateDigest({ world, selection: { units: [...selection.units], signatureKeyNames: [...selection.signatureKeyNames] }, keynums });
}
