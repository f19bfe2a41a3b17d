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
