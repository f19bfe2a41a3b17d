import test from 'ava';
import { parseDocument } from '../../src/store/codec.ts';
import { world } from '../helpers/core.ts';

const doc = (extra: Record<string, unknown>) => JSON.stringify({ schema: 1, revision: 3, world: { ...world('codec'), ...extra } });

test('a schema 1 document without fault state (written before faults existed) still reads, with no fault', (t) => {
  t.is(parseDocument(doc({}), 'world.json').world.faults, undefined);
});

test('fault state round-trips, and a damaged one is refused without touching the file', (t) => {
  const faults = { loginExpired: true, interruption: 'before-rewrap' };
  t.deepEqual(parseDocument(doc({ faults }), 'world.json').world.faults, faults);
  t.throws(() => parseDocument(doc({ faults: { loginExpired: 'yes', interruption: null } }), 'world.json'), { message: /damaged/ });
  t.throws(() => parseDocument(doc({ faults: { loginExpired: false, interruption: 'sometime' } }), 'world.json'), { message: /damaged/ });
});

test('the Manager role fault round-trips; a document without it reads as no fault, a damaged one is refused', (t) => {
  const faults = { loginExpired: false, interruption: null, managerRoleMissing: true };
  t.deepEqual(parseDocument(doc({ faults }), 'world.json').world.faults, faults);
  t.is(parseDocument(doc({ faults: { loginExpired: false, interruption: null } }), 'world.json').world.faults?.managerRoleMissing, undefined);
  t.throws(() => parseDocument(doc({ faults: { ...faults, managerRoleMissing: 'no' } }), 'world.json'), { message: /damaged/ });
});

test('a unit\'s threshold control bits round-trip; units written before them read with none; damaged bits are refused', (t) => {
  const w = world('codec');
  const [first, ...rest] = w.units;
  if (!first) return t.fail();
  const bits = { signature: false, revocation: false };
  const read = parseDocument(doc({ units: [{ ...first, thresholdControlBits: bits }, ...rest] }), 'world.json').world;
  t.deepEqual(read.units[0]?.thresholdControlBits, bits);
  t.is(read.units[1]?.thresholdControlBits, undefined);
  t.throws(() => parseDocument(doc({ units: [{ ...first, thresholdControlBits: { signature: 0, revocation: false } }, ...rest] }), 'world.json'), { message: /damaged/ });
});
