import test from 'ava';
import { registerVp } from '../../src/core/unit.ts';
import { renderCompare } from '../../src/render/compare.ts';
import { splitVp } from '../../src/render/vp.ts';
import { KEY_A, KEY_B, admin, lines, patchAll, patchUnit, testWorld } from './fixtures.ts';

const FOOTNOTE = '* Indicates a recovery crypto unit used only to hold a backup master key value.';
const EMPTY = '00000000000000000000000000000000';

test('compare: four fresh units (two recovery units), all alike', (t) => {
  const world = testWorld();
  const si = `SERVICE INSTANCE: ${world.instances[0]!.id}`;
  const register = (title: string) => [
    '', title, si,
    'CRYPTO UNIT NUM   STATUS   VERIFICATION PATTERN   ',
    ...['1 ', '2 ', '3*', '4*'].flatMap((n) => [
      `${n}                Empty    ${EMPTY}   `,
      `                           ${EMPTY}   `,
    ]),
    '', FOOTNOTE, '',
  ];
  t.is(renderCompare(world, world.units), lines(
    '', 'SIGNATURE THRESHOLDS', si,
    'CRYPTO UNIT NUM   SIGNATURE THRESHOLD   REVOCATION THRESHOLD   ',
    '1                 0                     0   ',
    '2                 0                     0   ',
    '3*                0                     0   ',
    '4*                0                     0   ',
    '', FOOTNOTE, '',
    '==> Crypto units with a signature threshold of 0 are in IMPRINT MODE. <==', '',
    '', 'CRYPTO UNIT ADMINISTRATORS', si,
    'CRYPTO UNIT NUM   ADMIN NAME          SUBJECT KEY IDENTIFIER   ',
    '1                 No administrators      ',
    '2                 No administrators      ',
    '3*                No administrators      ',
    '4*                No administrators      ',
    '', FOOTNOTE, '',
    ...register('NEW MASTER KEY REGISTER'),
    ...register('CURRENT MASTER KEY REGISTER'),
    '', 'CONTROL POINTS', si,
    'CRYPTO UNIT NUM   XCP_CPB_ALG_EC_25519   XCP_CPB_BTC   XCP_CPB_ECDSA_OTHER   ',
    '1                 Set                    Set           Set   ',
    '2                 Set                    Set           Set   ',
    '3*                Set                    Set           Set   ',
    '4*                Set                    Set           Set   ',
    '', FOOTNOTE, '',
    '==> All crypto units are configured the same. <==',
  ));
});

const initialized = () =>
  patchAll(testWorld(), {
    admins: [admin('admin1', 'a'), admin('admin2', 'b')],
    signatureThreshold: 2,
    revocationThreshold: 2,
    currentRegister: { state: 'Valid', key: KEY_A },
  });

test('compare: initialized identical units are configured the same', (t) => {
  const world = initialized();
  const out = renderCompare(world, world.units);
  t.true(out.endsWith(`${FOOTNOTE}\n\n==> All crypto units are configured the same. <==`));
  const [vp1, vp2] = splitVp(registerVp(KEY_A));
  t.true(out.includes(lines(
    '3*                admin1       aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...   ',
    '                  admin2       bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb...   ',
    '4*                admin1       aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...   ',
  )));
  t.true(out.includes(lines(
    '4*                Valid    ' + vp1 + '   ',
    '                           ' + vp2 + '   ',
  )));
});

test('compare: one drifted unit gives the warning', (t) => {
  const world = patchUnit(initialized(), 1, { currentRegister: { state: 'Valid', key: KEY_B } });
  const out = renderCompare(world, world.units);
  t.true(out.endsWith('\n\n==> WARNING: Crypto units are configured differently. <=='));
  t.true(out.includes(`2                 Valid    ${splitVp(registerVp(KEY_B))[0]}   `));
  t.true(out.includes(`1                 Valid    ${splitVp(registerVp(KEY_A))[0]}   `));
});

test('compare: a control point not set on one unit gives the warning', (t) => {
  const base = testWorld({ recovery: 0 });
  const world = patchUnit(base, 1, { controlPoints: { XCP_CPB_ALG_EC_25519: true, XCP_CPB_BTC: false, XCP_CPB_ECDSA_OTHER: false } });
  t.true(renderCompare(world, world.units).endsWith(lines(
    'CRYPTO UNIT NUM   XCP_CPB_ALG_EC_25519   XCP_CPB_BTC   XCP_CPB_ECDSA_OTHER   ',
    '1                 Set                    Set           Set   ',
    '2                 Set                    Not Set       Not Set   ',
    '',
    '==> WARNING: Crypto units are configured differently. <==',
  )));
});

test('compare: without recovery units there is no footnote', (t) => {
  const world = testWorld({ recovery: 0 });
  const out = renderCompare(world, world.units);
  t.false(out.includes('*'));
  t.true(out.includes(lines(
    '2                 0                     0   ',
    '',
    '==> Crypto units with a signature threshold of 0 are in IMPRINT MODE. <==',
    '',
    '',
    'CRYPTO UNIT ADMINISTRATORS',
  )));
});

test('compare: units of two instances repeat each section per instance, numbered globally', (t) => {
  const world = testWorld({ instances: 2, recovery: 0 });
  const [a, b] = world.instances;
  const out = renderCompare(world, [world.units[3]!, world.units[0]!]);
  t.true(out.startsWith(lines(
    '', 'SIGNATURE THRESHOLDS', `SERVICE INSTANCE: ${a!.id}`,
    'CRYPTO UNIT NUM   SIGNATURE THRESHOLD   REVOCATION THRESHOLD   ',
    '1                 0                     0   ',
    '',
    '==> Crypto units with a signature threshold of 0 are in IMPRINT MODE. <==',
    '',
    '', 'SIGNATURE THRESHOLDS', `SERVICE INSTANCE: ${b!.id}`,
    'CRYPTO UNIT NUM   SIGNATURE THRESHOLD   REVOCATION THRESHOLD   ',
    '4                 0                     0   ',
  )));
  t.is(out.split('SERVICE INSTANCE:').length - 1, 10);
});
