import test from 'ava';
import { StoreError, parseDocument, stringifyDocument } from '../../src/store/codec.ts';
import { world } from '../helpers/core.ts';

const good = () => JSON.parse(stringifyDocument({ schema: 1, revision: 3, world: world('codec') })) as { schema: number; revision: number; world: { units: Record<string, unknown>[] } };

test('a valid document parses', (t) => {
  t.is(parseDocument(JSON.stringify(good()), 'f').revision, 3);
});

const damaged: [string, (d: ReturnType<typeof good>) => void][] = [
  ['schema 0', (d) => { d.schema = 0; }],
  ['a negative revision', (d) => { d.revision = -1; }],
  ['a register key that is not hex', (d) => { d.world.units[0]!.currentRegister = { state: 'Valid', key: 'zz' }; }],
  ['an Empty register holding a key', (d) => { d.world.units[0]!.newRegister = { state: 'Empty', key: 'a'.repeat(64) }; }],
  ['an unknown register state', (d) => { d.world.units[0]!.newRegister = { state: 'Half Full', key: null }; }],
  ['a threshold of 9', (d) => { d.world.units[0]!.signatureThreshold = 9; }],
  ['an unknown unit type', (d) => { d.world.units[0]!.type = 'SPARE'; }],
  ['key storage whose size does not match its count', (d) => { d.world.units[0]!.keyStorage = { total: 2, sealed: 'AAAA' }; }],
];

for (const [name, damage] of damaged) {
  test(`a document with ${name} is refused with a StoreError naming the file`, (t) => {
    const d = good();
    damage(d);
    const e = t.throws(() => parseDocument(JSON.stringify(d), '/home/x/world.json'), { instanceOf: StoreError });
    t.regex(e?.message ?? '', /\/home\/x\/world\.json/);
  });
}
