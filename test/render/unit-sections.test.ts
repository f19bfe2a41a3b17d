import test from 'ava';
import { registerVp } from '../../src/core/unit.ts';
import {
  renderAdmins,
  renderControlPoint,
  renderControlPoints,
  renderCurrentRegister,
  renderNewRegister,
  renderThresholds,
} from '../../src/render/unit-sections.ts';
import { splitVp } from '../../src/render/vp.ts';
import { KEY_A, KEY_B, admin, lines, patchAll, patchUnit, testWorld } from './fixtures.ts';

const FOOTNOTE = '* Indicates a recovery crypto unit used only to hold a backup master key value.';
const EMPTY = '00000000000000000000000000000000';

test('thresholds: the section, then always the imprint-mode reminder', (t) => {
  const world = patchUnit(testWorld({ recovery: 0 }), 0, { signatureThreshold: 2, revocationThreshold: 1 });
  t.is(renderThresholds(world, world.units), lines(
    '', 'SIGNATURE THRESHOLDS', `SERVICE INSTANCE: ${world.instances[0]!.id}`,
    'CRYPTO UNIT NUM   SIGNATURE THRESHOLD   REVOCATION THRESHOLD   ',
    '1                 2                     1   ',
    '2                 0                     0   ',
    '',
    '==> Crypto units with a signature threshold of 0 are in IMPRINT MODE. <==',
    '',
  ));
});

test('admins: no unit has an administrator', (t) => {
  const world = testWorld();
  t.is(renderAdmins(world, world.units), `\nNo crypto unit administrators for service instance ${world.instances[0]!.id}`);
});

test('admins: two administrators, the unit number only on the first row of each unit', (t) => {
  const world = patchAll(testWorld(), { admins: [admin('Alice Administrator', '1'), admin('bob', 'c')] });
  t.is(renderAdmins(world, world.units.slice(1, 3)), lines(
    '', 'CRYPTO UNIT ADMINISTRATORS', `SERVICE INSTANCE: ${world.instances[0]!.id}`,
    'CRYPTO UNIT NUM   ADMIN NAME            SUBJECT KEY IDENTIFIER   ',
    '2                 Alice Administrator   111111111111111111111111111111...   ',
    '                  bob                   cccccccccccccccccccccccccccccc...   ',
    '3*                Alice Administrator   111111111111111111111111111111...   ',
    '                  bob                   cccccccccccccccccccccccccccccc...   ',
    '',
    FOOTNOTE,
    '',
  ));
});

test('admins: a unit without administrators next to one with', (t) => {
  const world = patchUnit(testWorld({ recovery: 0 }), 0, { admins: [admin('admin1', 'd')] });
  t.is(renderAdmins(world, world.units), lines(
    '', 'CRYPTO UNIT ADMINISTRATORS', `SERVICE INSTANCE: ${world.instances[0]!.id}`,
    'CRYPTO UNIT NUM   ADMIN NAME          SUBJECT KEY IDENTIFIER   ',
    '1                 admin1              dddddddddddddddddddddddddddddd...   ',
    '2                 No administrators      ',
    '',
  ));
});

test('new register: Empty, Full Uncommitted and Full Committed', (t) => {
  let world = testWorld({ units: 3, recovery: 0 });
  world = patchUnit(world, 1, { newRegister: { state: 'Full Uncommitted', key: KEY_A } });
  world = patchUnit(world, 2, { newRegister: { state: 'Full Committed', key: KEY_B } });
  const [a1, a2] = splitVp(registerVp(KEY_A));
  const [b1, b2] = splitVp(registerVp(KEY_B));
  t.is(renderNewRegister(world, world.units), lines(
    '', 'NEW MASTER KEY REGISTER', `SERVICE INSTANCE: ${world.instances[0]!.id}`,
    'CRYPTO UNIT NUM   STATUS             VERIFICATION PATTERN   ',
    `1                 Empty              ${EMPTY}   `,
    `                                     ${EMPTY}   `,
    `2                 Full Uncommitted   ${a1}   `,
    `                                     ${a2}   `,
    `3                 Full Committed     ${b1}   `,
    `                                     ${b2}   `,
    '',
  ));
});

test('current register: Empty and Valid, with a recovery unit', (t) => {
  const world = patchAll(testWorld(), { currentRegister: { state: 'Valid', key: KEY_A } });
  const drifted = patchUnit(world, 3, { currentRegister: { state: 'Empty', key: null } });
  const [a1, a2] = splitVp(registerVp(KEY_A));
  t.is(renderCurrentRegister(drifted, drifted.units.slice(2)), lines(
    '', 'CURRENT MASTER KEY REGISTER', `SERVICE INSTANCE: ${world.instances[0]!.id}`,
    'CRYPTO UNIT NUM   STATUS   VERIFICATION PATTERN   ',
    `3*                Valid    ${a1}   `,
    `                           ${a2}   `,
    `4*                Empty    ${EMPTY}   `,
    `                           ${EMPTY}   `,
    '',
    FOOTNOTE,
    '',
  ));
});

test('control points: Set and Not Set', (t) => {
  const world = patchUnit(testWorld({ recovery: 0 }), 0, { controlPoints: { XCP_CPB_ALG_EC_25519: false, XCP_CPB_BTC: true, XCP_CPB_ECDSA_OTHER: false } });
  t.is(renderControlPoints(world, world.units), lines(
    '', 'CONTROL POINTS', `SERVICE INSTANCE: ${world.instances[0]!.id}`,
    'CRYPTO UNIT NUM   XCP_CPB_ALG_EC_25519   XCP_CPB_BTC   XCP_CPB_ECDSA_OTHER   ',
    '1                 Not Set                Set           Not Set   ',
    '2                 Set                    Set           Set   ',
    '',
  ));
});

test('sections of no units are empty', (t) => {
  const world = testWorld();
  t.is(renderThresholds(world, []), '');
  t.is(renderAdmins(world, []), '');
});

test('one control point, as cryptounit-cp shows it', (t) => {
  const world = patchUnit(testWorld({ recovery: 0 }), 1, { controlPoints: { XCP_CPB_ALG_EC_25519: true, XCP_CPB_BTC: false, XCP_CPB_ECDSA_OTHER: true } });
  t.is(renderControlPoint(world, world.units, 'XCP_CPB_BTC'), lines(
    '', 'CONTROL POINTS', `SERVICE INSTANCE: ${world.instances[0]!.id}`,
    'CRYPTO UNIT NUM   XCP_CPB_BTC   ',
    '1                 Set   ',
    '2                 Not Set   ',
    '',
  ));
});
